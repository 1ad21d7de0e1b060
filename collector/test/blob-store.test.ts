// The blob store's start-up sweep against a collector committing at the same moment (several collectors
// may share the blob directory): a committed row must never name a missing blob.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cidOf, generateDeviceKeyPair, utf8Encode } from '../../utils/wire/index';
import { fsKeyring } from '../src/at-rest/keyring';
import { makePlaintext, seal } from '../../test/unit/wire/fixtures';
import { fsBlobStore } from '../src/cas/blob-store';
import { loadConfig } from '../src/config';
import { currentEncryptionKey, loadOrCreateKeys } from '../src/key-material';
import { ingestBundle } from '../src/services/ingest';
import { liveCids } from '../src/bundles/queries';
import { openStore } from '../src/db/open';
import { tempDir } from './harness';

const dirs: string[] = [];
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('fsBlobStore sweep', () => {
  it('stores back an orphan whose row committed while it was being removed', async () => {
    const blobDir = dir();
    const blobs = fsBlobStore(blobDir);
    const committing = cidOf(utf8Encode('{"committing":true}'));
    const orphan = cidOf(utf8Encode('{"orphan":true}'));
    await blobs.put(committing, utf8Encode('sealed 1'));
    await blobs.put(orphan, utf8Encode('sealed 2'));
    let looks = 0;
    // Neither is live at the first look; the first one's row has committed by the second.
    const swept = await blobs.sweep(async () => new Set(++looks === 1 ? [] : [committing]));
    expect(looks).toBe(2);
    expect(swept).toEqual({ temporary: 0, orphans: 1 });
    expect(existsSync(join(blobDir, committing))).toBe(true);
    expect(existsSync(join(blobDir, orphan))).toBe(false);
  });
});

describe('ingest', () => {
  it('stores the blob again after the commit if a starting collector swept it before the row committed', async () => {
    const config = loadConfig({ COLLECTOR_DATA_DIR: dir(), COLLECTOR_LOG_LEVEL: 'silent' });
    const keys = loadOrCreateKeys(config);
    const store = openStore(config);
    await store.migrate();
    const real = fsBlobStore(config.blobDir);
    // The sweep lands between the put and the commit.
    const blobs = {
      ...real,
      async put(cid: string, bytes: Uint8Array) {
        await real.put(cid, bytes);
        await real.delete(cid);
      },
    };
    try {
      const device = generateDeviceKeyPair();
      const enc = currentEncryptionKey(keys);
      const env = seal(makePlaintext(device), { keyId: enc.keyId, publicKey: enc.publicKey, secretKey: enc.secretKey }, device);
      const deps = {
        store,
        keys,
        maxSkewMs: config.maxSkewMs,
        now: Date.now,
        limitDevice: () => {},
        scoring: () => config.rewards.scoring,
        blobs,
        keyring: fsKeyring(config.keyringDir, keys.master.key),
      };
      await ingestBundle(deps, env);
      const [cid] = await liveCids(store.db);
      expect(existsSync(join(config.blobDir, cid!))).toBe(true);
    } finally {
      await store.close();
      rmSync(config.keyringDir, { recursive: true, force: true });
    }
  });
});
