// Three collector processes serve one PostgreSQL database (same keys). Every
// bundle is fired at all three at once: each must be stored exactly once and
// credited exactly once, and every submission must get a 200 with a receipt.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDeviceKeyPair, verifyIngestReceipt, type BundleEnvelope, type IngestReceipt } from '../../utils/wire/index';
import { makePlaintext, seal } from '../../test/unit/wire/fixtures';
import { loadConfig } from '../src/config';
import { currentEncryptionKey, loadOrCreateKeys } from '../src/key-material';
import pg from 'pg';
import { numberTypes } from '../src/db/postgres';
import { tempDir, testDatabase } from './harness';
import { postJson, startCollector, type RunningCollector } from './process';

const DEVICES = 4;
const BUNDLES_PER_DEVICE = 5;

let database: Awaited<ReturnType<typeof testDatabase>>;
let collectors: RunningCollector[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  database = await testDatabase();
  const keyDir = tempDir();
  dirs.push(keyDir);
  const keysJson = readFileSync(keyFileOf(keyDir), 'utf8');
  // Started together: their migrations race too (serialized by an advisory lock).
  collectors = await Promise.all(
    [0, 1, 2].map(() => {
      const dataDir = tempDir();
      dirs.push(dataDir);
      return startCollector(dataDir, { DATABASE_URL: database.url, COLLECTOR_KEYS_JSON: keysJson, COLLECTOR_BLOB_DIR: `${keyDir}/blobs`, COLLECTOR_KEYRING_DIR: `${keyDir}/keyring` });
    }),
  );
});

afterAll(async () => {
  await Promise.all(collectors.map((c) => c.stop()));
  await database?.drop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function keyFileOf(dir: string): string {
  const config = loadConfig({ COLLECTOR_DATA_DIR: dir });
  loadOrCreateKeys(config);
  return config.keyFile;
}

describe('several collectors on one PostgreSQL database', () => {
  it('stores and credits each bundle exactly once when all of them receive it at the same time', async () => {
    const keys = loadOrCreateKeys(loadConfig({ COLLECTOR_DATA_DIR: dirs[0]! }));
    const enc = currentEncryptionKey(keys);
    const collectorKey = { keyId: enc.keyId, publicKey: enc.publicKey, secretKey: enc.secretKey };
    const envelopes: BundleEnvelope[] = [];
    for (let d = 0; d < DEVICES; d++) {
      const device = generateDeviceKeyPair();
      for (let b = 0; b < BUNDLES_PER_DEVICE; b++) envelopes.push(seal(makePlaintext(device), collectorKey, device));
    }

    const replies = await Promise.all(
      envelopes.flatMap((env) => collectors.map(async (c) => ({ env, res: await postJson(c.port, '/v1/bundles', env) }))),
    );
    for (const { res } of replies) expect(res.status, res.body).toBe(200);
    const byBundle = new Map<string, { duplicate: boolean; receipt: IngestReceipt }[]>();
    for (const { env, res } of replies) byBundle.set(env.bundleId, [...(byBundle.get(env.bundleId) ?? []), JSON.parse(res.body)]);
    for (const answers of byBundle.values()) {
      expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
      // Everyone got the one stored receipt.
      expect(new Set(answers.map((a) => a.receipt.sig)).size).toBe(1);
      expect(verifyIngestReceipt(answers[0]!.receipt, keys.receipt.publicKey)).toBe(true);
    }

    const db = new pg.Pool({ connectionString: database.url, max: 1, types: numberTypes });
    // The database is dropped WITH (FORCE) while this pool's client may still be closing.
    db.on('error', () => undefined);
    try {
      const count = async (sql: string) => ((await db.query<{ n: number }>(sql)).rows[0]!).n;
      expect(await count('SELECT COUNT(*) AS n FROM bundles')).toBe(envelopes.length);
      expect(await count('SELECT COUNT(*) AS n FROM signals')).toBe(envelopes.length * 2);
      expect(await count(`SELECT COUNT(*) AS n FROM ledger WHERE kind = 'credit'`)).toBe(envelopes.length);
      expect(await count(`SELECT COUNT(DISTINCT bundle_id) AS n FROM ledger WHERE kind = 'credit'`)).toBe(envelopes.length);
      // The ledger holds what the receipts promised, no more.
      const promised = [...byBundle.values()].reduce((sum, a) => sum + a[0]!.receipt.credited, 0);
      expect(await count('SELECT COALESCE(SUM(amount), 0) AS n FROM ledger')).toBe(promised);
    } finally {
      await db.end();
    }
  });
});
