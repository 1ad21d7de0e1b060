// Content-addressed storage of bundles. The filesystem store keeps one file per
// CID: the name is the CID of the envelope the device sent, the content that
// envelope sealed under its bundle's key at rest (at-rest/content.ts), so the
// file opens only while the bundle's key exists. Writes go through a temp file
// and a rename, so several collector processes sharing the directory can put
// the same blob safely.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isBundleCid } from '../../../utils/wire/cid';

/** Where blobs are written before being renamed to their CID: a crash in between leaves its file there. */
export const TEMP_SUBDIR = '.tmp';

/** What earlier versions named their temp files, in the blob directory itself. */
const LEGACY_TEMP_PREFIX = '.tmp-';

/** A put whose temp file another collector's sweep removed writes it again, this many times at most. */
const PUT_ATTEMPTS = 5;

export interface BlobStore {
  /** Stores the bytes under `cid` (the CID of what they seal; idempotent). */
  put(cid: string, bytes: Uint8Array): Promise<void>;
  /** Stores the bytes under `cid` unless a blob is there (idempotent). */
  ensure(cid: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when absent (or not a bundle CID). */
  get(cid: string): Promise<Uint8Array | null>;
  /** Removes the blob; absent is fine. */
  delete(cid: string): Promise<void>;
  /**
   * Removes every temp file, complete or partial: after a crash one may hold an envelope whose bundle is
   * later deleted. A put in progress (here or in another collector) whose file goes writes it again.
   */
  removeTemporaryFiles(): Promise<void>;
  /**
   * Start-up: removes temp files, then every blob no live bundle names (uncommitted when a crash came,
   * or deleted). `liveCids` is asked again after the removal: a blob whose row committed meanwhile is
   * stored back, so a committed row never names a missing blob.
   */
  sweep(liveCids: () => Promise<ReadonlySet<string>>): Promise<{ temporary: number; orphans: number }>;
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

export function fsBlobStore(dir: string): BlobStore {
  const tempDir = join(dir, TEMP_SUBDIR);
  mkdirSync(tempDir, { recursive: true, mode: 0o700 });

  async function removeAll(directory: string, names: string[]): Promise<void> {
    for (const name of names) await rm(join(directory, name), { force: true });
  }

  const store: BlobStore = {
    async put(cid, bytes) {
      if (!isBundleCid(cid)) throw new Error('blob store: not a bundle CID');
      for (let attempt = 1; ; attempt++) {
        const tmp = join(tempDir, `${process.pid}-${randomBytes(6).toString('hex')}`);
        // fsync'd before the rename: the blob is on disk before the row that names it commits.
        // Asynchronous, so the wait for the disk does not stall other requests' CPU work.
        await writeFile(tmp, bytes, { mode: 0o600, flush: true });
        try {
          await rename(tmp, join(dir, cid));
          return;
        } catch (err) {
          if (!isMissing(err) || attempt >= PUT_ATTEMPTS) throw err;
        }
      }
    },
    async ensure(cid, bytes) {
      try {
        await stat(join(dir, cid));
      } catch (err) {
        if (!isMissing(err)) throw err;
        await store.put(cid, bytes);
      }
    },
    async get(cid) {
      if (!isBundleCid(cid)) return null;
      try {
        return new Uint8Array(readFileSync(join(dir, cid)));
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async delete(cid) {
      if (isBundleCid(cid)) rmSync(join(dir, cid), { force: true });
    },
    async removeTemporaryFiles() {
      await removeAll(tempDir, await readdir(tempDir));
    },
    async sweep(liveCids) {
      const names = await readdir(dir);
      const legacyTemp = names.filter((n) => n.startsWith(LEGACY_TEMP_PREFIX));
      const temporary = (await readdir(tempDir)).length + legacyTemp.length;
      await store.removeTemporaryFiles();
      await removeAll(dir, legacyTemp);
      const live = await liveCids();
      const orphans = new Map<string, Uint8Array>();
      for (const cid of names.filter((n) => isBundleCid(n) && !live.has(n))) {
        // Kept in memory until the second look: its row may be committing right now in another collector.
        const bytes = await readFile(join(dir, cid)).catch((err: unknown) => (isMissing(err) ? null : Promise.reject(err)));
        if (bytes) orphans.set(cid, new Uint8Array(bytes));
        await rm(join(dir, cid), { force: true });
      }
      const liveNow = orphans.size ? await liveCids() : live;
      for (const [cid, bytes] of orphans) if (liveNow.has(cid)) await store.put(cid, bytes);
      return { temporary, orphans: [...orphans.keys()].filter((cid) => !liveNow.has(cid)).length };
    },
  };
  return store;
}
