// Content-addressed storage of encrypted bundles. The filesystem store keeps
// one file per CID; writes go through a temp file and a rename, so several
// collector processes sharing the directory can put the same blob safely.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cidOf, isBundleCid } from '../../../utils/wire/cid';

export interface BlobStore {
  /** Stores the bytes (idempotent) and returns their CID. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes, or null when absent (or not a bundle CID). */
  get(cid: string): Promise<Uint8Array | null>;
  /** Removes the blob; absent is fine. */
  delete(cid: string): Promise<void>;
}

export function fsBlobStore(dir: string): BlobStore {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return {
    async put(bytes) {
      const cid = cidOf(bytes);
      const tmp = join(dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
      // fsync'd before the rename: the blob is on disk before the row that names it commits.
      // Asynchronous, so the wait for the disk does not stall other requests' CPU work.
      await writeFile(tmp, bytes, { mode: 0o600, flush: true });
      await rename(tmp, join(dir, cid));
      return cid;
    },
    async get(cid) {
      if (!isBundleCid(cid)) return null;
      try {
        return new Uint8Array(readFileSync(join(dir, cid)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(cid) {
      if (isBundleCid(cid)) rmSync(join(dir, cid), { force: true });
    },
  };
}
