// The keys that make stored contributions readable, kept apart from what they encrypt: a directory
// of wrapped keys (COLLECTOR_KEYRING_DIR), outside the data directory, so a copy of the data
// directory or a database dump holds ciphertext only. Per device one data key, wrapped by the
// collector's master key; per bundle one key, wrapped by its device's key:
//
//   <keyringDir>/<devicePub>/device       AEAD(master, device key)
//   <keyringDir>/<devicePub>/<bundleId>   AEAD(device key, bundle key)
//
// Destroying a bundle's file makes every copy of that bundle unreadable, wherever the copy is;
// destroying the device's folder does so for everything the device ever stored. Collectors that
// share a database share this directory, as they share the blob directory.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { link, mkdir, open as openFile, readFile, readdir, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { dataKeyId, newDataKey, open, seal } from './aead';

export interface DataKey {
  key: Buffer;
  /** dataKeyId(key): how receipts name it. */
  keyId: string;
}

export interface DestroyedKey {
  kind: 'device' | 'bundle';
  keyId: string;
}

export interface Keyring {
  /** The bundle's key (and its device's), created on first use; collectors racing on one bundle all get the same key. */
  forBundle(devicePub: string, bundleId: string): Promise<DataKey>;
  /** The bundle's key, or null once it was destroyed (the bundle is shredded). */
  bundleKey(devicePub: string, bundleId: string): Promise<Buffer | null>;
  /** A fresh key for the bundle in place of its current one, which is destroyed (named in the result). */
  replaceBundleKey(devicePub: string, bundleId: string): Promise<{ fresh: DataKey; destroyed: DestroyedKey | null }>;
  destroyBundleKey(devicePub: string, bundleId: string): Promise<DestroyedKey | null>;
  /** The device's key and every bundle key under it. */
  destroyDevice(devicePub: string): Promise<DestroyedKey[]>;
}

const DEVICE_FILE = 'device';
const TEMP_SUBDIR = '.tmp';
/** Unwrapped keys kept in memory (each checked against its file): the near-duplicate check opens hundreds of a device's recent bundles per ingest. */
const CACHE_LIMIT = 8192;

const deviceAad = (devicePub: string) => `tributary/at-rest/device-key/v1\n${devicePub}`;
const bundleAad = (bundleId: string) => `tributary/at-rest/bundle-key/v1\n${bundleId}`;

// Both become path segments: only the shapes the wire allows (64 hex; a UUID).
const DEVICE_PUB = /^[0-9a-f]{64}$/;
const BUNDLE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkNames(devicePub: string, bundleId?: string): void {
  if (!DEVICE_PUB.test(devicePub)) throw new Error('keyring: not a device key');
  if (bundleId !== undefined && !BUNDLE_ID.test(bundleId)) throw new Error('keyring: not a bundle id');
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';
const isTaken = (err: unknown) => (err as NodeJS.ErrnoException).code === 'EEXIST';

async function readIfPresent(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
}

/** Makes a directory's entries durable; asynchronous, so the wait for the disk does not stall other requests. */
async function fsyncDir(dir: string, mayBeGone = false): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await openFile(dir, 'r');
  } catch (err) {
    if (mayBeGone && isMissing(err)) return;
    throw err;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Overwrites before unlinking: on filesystems that write in place, the old bytes do not linger in free blocks. */
async function shred(path: string): Promise<void> {
  try {
    const handle = await openFile(path, 'r+');
    try {
      const { size } = await handle.stat();
      await handle.write(Buffer.alloc(size), 0, size, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (isMissing(err)) return;
    throw err;
  }
  await rm(path, { force: true });
}

export function fsKeyring(dir: string, masterKey: Uint8Array): Keyring {
  const tempDir = join(dir, TEMP_SUBDIR);
  mkdirSync(tempDir, { recursive: true, mode: 0o700 });
  // Keyed by path, checked against the file on every use: a key another collector on this keyring
  // destroyed or replaced is never served from here.
  const cache = new Map<string, { file: string; key: Buffer }>();

  /** Writes `bytes` at `path` unless a file is there already; returns what is there afterwards, durably. */
  async function createOnce(path: string, bytes: Buffer): Promise<void> {
    const tmp = join(tempDir, `${process.pid}-${randomBytes(6).toString('hex')}`);
    await writeFile(tmp, bytes, { mode: 0o600, flush: true });
    try {
      await link(tmp, path);
      await fsyncDir(dirname(path));
    } catch (err) {
      if (!isTaken(err)) throw err;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  async function replace(path: string, bytes: Buffer): Promise<void> {
    const tmp = join(tempDir, `${process.pid}-${randomBytes(6).toString('hex')}`);
    await writeFile(tmp, bytes, { mode: 0o600, flush: true });
    await rename(tmp, path);
    await fsyncDir(dirname(path));
  }

  /** The key wrapped in the file at `path` under `parent`, or null when there is no such file. */
  async function unwrapFile(path: string, parent: () => Promise<Uint8Array | null>, aad: string): Promise<Buffer | null> {
    let file: string;
    try {
      const st = await stat(path);
      file = `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
    } catch (err) {
      if (!isMissing(err)) throw err;
      cache.delete(path);
      return null;
    }
    const cached = cache.get(path);
    if (cached?.file === file) return cached.key;
    const wrapped = await readIfPresent(path);
    const parentKey = await parent();
    if (!wrapped || !parentKey) return null;
    const key = open(parentKey, wrapped, aad);
    if (!key) throw new Error(`keyring: ${path} does not open with its parent key`);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(path, { file, key });
    return key;
  }

  const devicePath = (devicePub: string) => join(dir, devicePub, DEVICE_FILE);
  const bundlePath = (devicePub: string, bundleId: string) => join(dir, devicePub, bundleId);
  const deviceKey = (devicePub: string) => unwrapFile(devicePath(devicePub), async () => masterKey, deviceAad(devicePub));
  const bundleKey = (devicePub: string, bundleId: string) =>
    unwrapFile(bundlePath(devicePub, bundleId), () => deviceKey(devicePub), bundleAad(bundleId));

  async function ensureDeviceKey(devicePub: string): Promise<Buffer> {
    const existing = await deviceKey(devicePub);
    if (existing) return existing;
    await mkdir(join(dir, devicePub), { recursive: true, mode: 0o700 });
    await createOnce(devicePath(devicePub), seal(masterKey, newDataKey(), deviceAad(devicePub)));
    return (await deviceKey(devicePub))!;
  }

  async function destroyBundle(devicePub: string, bundleId: string): Promise<DestroyedKey | null> {
    const key = await bundleKey(devicePub, bundleId);
    const path = bundlePath(devicePub, bundleId);
    cache.delete(path);
    await shred(path);
    return key ? { kind: 'bundle', keyId: dataKeyId(key) } : null;
  }

  return {
    async forBundle(devicePub, bundleId) {
      checkNames(devicePub, bundleId);
      let key = await bundleKey(devicePub, bundleId);
      if (!key) {
        const device = await ensureDeviceKey(devicePub);
        await createOnce(bundlePath(devicePub, bundleId), seal(device, newDataKey(), bundleAad(bundleId)));
        key = (await bundleKey(devicePub, bundleId))!;
      }
      return { key, keyId: dataKeyId(key) };
    },
    async bundleKey(devicePub, bundleId) {
      checkNames(devicePub, bundleId);
      return bundleKey(devicePub, bundleId);
    },
    async replaceBundleKey(devicePub, bundleId) {
      checkNames(devicePub, bundleId);
      const old = await bundleKey(devicePub, bundleId);
      const device = await ensureDeviceKey(devicePub);
      const key = newDataKey();
      await replace(bundlePath(devicePub, bundleId), seal(device, key, bundleAad(bundleId)));
      return { fresh: { key, keyId: dataKeyId(key) }, destroyed: old ? { kind: 'bundle', keyId: dataKeyId(old) } : null };
    },
    async destroyBundleKey(devicePub, bundleId) {
      checkNames(devicePub, bundleId);
      const destroyed = await destroyBundle(devicePub, bundleId);
      await fsyncDir(join(dir, devicePub), true);
      return destroyed;
    },
    async destroyDevice(devicePub) {
      checkNames(devicePub);
      const folder = join(dir, devicePub);
      const destroyed: DestroyedKey[] = [];
      let names: string[];
      try {
        names = await readdir(folder);
      } catch (err) {
        if (isMissing(err)) return destroyed;
        throw err;
      }
      for (const name of names.filter((n) => BUNDLE_ID.test(n)).sort()) {
        const gone = await destroyBundle(devicePub, name);
        if (gone) destroyed.push(gone);
      }
      const device = await deviceKey(devicePub);
      cache.delete(devicePath(devicePub));
      await shred(devicePath(devicePub));
      await rm(folder, { recursive: true, force: true });
      await fsyncDir(dir);
      if (device) destroyed.unshift({ kind: 'device', keyId: dataKeyId(device) });
      return destroyed;
    },
  };
}
