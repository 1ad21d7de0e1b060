// A data directory made beforehand with the usual 0755 (and the usual umask 022): everything the
// collector writes into it must still be readable by its owner only, and the loose directory is reported.
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { base64ToBytes, generateDeviceKeyPair, sealBundle } from '../../utils/wire/index';
import { makePlaintext } from '../../test/unit/wire/fixtures';
import { SQLITE_FILE_NAME } from '../src/db/sqlite';
import { tempDir } from './harness';
import { postJson, rawRequest, startCollector, type RunningCollector } from './process';

const dataDir = tempDir();
let running: RunningCollector | undefined;
afterAll(async () => {
  await running?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('a pre-existing data directory with mode 0755', () => {
  it('gets its database, WAL, shared memory, keys and blobs created 0600, and a warning naming the directory', async () => {
    chmodSync(dataDir, 0o755);
    running = await startCollector(dataDir);
    const keys = JSON.parse((await rawRequest(running.port, { method: 'GET', path: '/v1/keys' })).body);
    const device = generateDeviceKeyPair();
    const env = sealBundle(makePlaintext(device), { collectorPub: base64ToBytes(keys.encryption[0].publicKey), collectorKeyId: keys.encryption[0].keyId }, device.secretKey);
    expect((await postJson(running.port, '/v1/bundles', env)).status).toBe(200);

    const db = join(dataDir, SQLITE_FILE_NAME);
    const blobs = readdirSync(join(dataDir, 'blobs')).filter((name) => !name.startsWith('.'));
    expect(blobs).toHaveLength(1);
    const files = [db, `${db}-wal`, `${db}-shm`, join(dataDir, 'keys.json'), join(dataDir, 'blobs', blobs[0]!)];
    expect(Object.fromEntries(files.map((f) => [f, modeOf(f)]))).toEqual(Object.fromEntries(files.map((f) => [f, '600'])));

    const warning = running
      .logs()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string; dir?: string; mode?: string })
      .find((entry) => entry.msg.includes('readable by group or others'));
    expect(warning).toMatchObject({ level: 40, dir: dataDir, mode: '755' });
  });
});
