// Community dataset export (`npm run export`) against the collector's store
// (SQLite in the collector project, PostgreSQL in collector-pg).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeVectorB64, generateDeviceKeyPair, signDeletionRequest, type DeviceKeyPair, type Signal } from '../../utils/wire/index';
import { makePlaintext, makeSignal } from '../../test/unit/wire/fixtures';
import { buildDataset, type DatasetRecord, type Datasheet } from '../src/export/dataset';
import { startHarness, tempDir, type Harness } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
const DIMS = 16;

/** A unit direction plus a little noise: same topic (cosine well above 0.8), distinct content. */
function near(axis: number): number[] {
  return Array.from({ length: DIMS }, (_, i) => (i === axis ? 1 : 0) + (Math.random() - 0.5) * 0.1);
}

let h: Harness;
const devices: { key: DeviceKeyPair; signal: Signal }[] = [];
let outDir: string;

async function contribute(signal: Signal): Promise<void> {
  const key = generateDeviceKeyPair();
  await h.submit(makePlaintext(key, { signals: [signal] }), key);
  devices.push({ key, signal });
}

beforeAll(async () => {
  h = await startHarness();
  outDir = tempDir();
  // Topic "rivers": 12 devices (one on a site nobody else visits); topic "chess": 3 devices.
  for (let i = 0; i < 12; i++) {
    const origin = i === 11 ? 'https://rare-personal-site.example' : 'https://shared.example';
    await contribute(makeSignal({ embedding: encodeVectorB64(near(0)), origin, text: `rivers and boats, part ${i}` }));
  }
  for (let i = 0; i < 3; i++) await contribute(makeSignal({ embedding: encodeVectorB64(near(5)), text: `chess openings, part ${i}` }));
  // One rivers contributor deletes theirs: it must not be exported.
  const leaver = devices[0]!;
  const del = signDeletionRequest({ scope: { kind: 'all' }, ts: Date.now() }, leaver.key.secretKey);
  expect((await h.app.inject({ method: 'POST', url: '/v1/deletions', payload: del })).statusCode).toBe(200);
});

afterAll(async () => h?.close());

function runExport(k: number): { lines: string; records: DatasetRecord[]; sheetText: string; sheet: Datasheet } {
  const out = join(outDir, `dataset-k${k}.jsonl`);
  execFileSync(resolve(ROOT, 'node_modules/.bin/tsx'), ['cli/export.ts', '--out', out, '--k', String(k)], {
    cwd: ROOT,
    env: { ...process.env, COLLECTOR_DATA_DIR: h.config.dataDir, ...(h.config.databaseUrl ? { DATABASE_URL: h.config.databaseUrl } : {}) },
    encoding: 'utf8',
  });
  const lines = readFileSync(out, 'utf8');
  const sheetText = readFileSync(`${out}.datasheet.json`, 'utf8');
  return { lines, records: lines.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)), sheetText, sheet: JSON.parse(sheetText) };
}

describe('community dataset export', () => {
  it('releases only topics from at least k devices, nothing deleted, nothing that names a device', () => {
    const { lines, records, sheetText, sheet } = runExport(10);
    // 11 live rivers contributions from 11 devices; chess (3 devices) is withheld.
    expect(records).toHaveLength(11);
    expect(new Set(records.map((r) => r.topic))).toEqual(new Set(['t0']));
    expect(records.every((r) => r.text.startsWith('rivers'))).toBe(true);
    expect(lines).not.toContain(devices[0]!.signal.text);
    // No device key, no signal id, no exact time anywhere in the output or the datasheet.
    for (const d of devices) {
      expect(lines).not.toContain(d.key.publicKey);
      expect(sheetText).not.toContain(d.key.publicKey);
      expect(lines).not.toContain(d.signal.id);
    }
    expect(lines).not.toContain(String(devices[1]!.signal.visitedAt));
    for (const r of records) {
      expect(Object.keys(r).sort()).toEqual(['day', 'embedding', 'lang', 'model', 'origin', 'text', 'topic']);
      expect(r.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // A site only one device visited is not named.
    expect(lines).not.toContain('rare-personal-site');
    expect(sheet).toMatchObject({
      k: 10,
      records: 11,
      topics: { released: 1, withheld: 1, recordsWithheld: 3, sizes: { t0: 11 } },
      balance: { largestTopicShare: 1 },
      languages: { en: 11 },
      origins: { 'https://shared.example': 10, other: 1 },
      categories: { general: 11 },
    });
  });

  it('moves the threshold with k', async () => {
    const signals = await readStore();
    expect(buildDataset(signals, { k: 3, threshold: 0.8 }).datasheet).toMatchObject({ records: 14, topics: { released: 2, withheld: 0 } });
    expect(buildDataset(signals, { k: 12, threshold: 0.8 }).datasheet).toMatchObject({ records: 0, topics: { released: 0, withheld: 2 } });
  });
});

async function readStore() {
  const { openStore } = await import('../src/db/open');
  const { liveSignals } = await import('../src/export/store');
  const { fsKeyring } = await import('../src/at-rest/keyring');
  const store = openStore(h.config);
  try {
    return await liveSignals(store.db, fsKeyring(h.config.keyringDir, h.keys.master.key));
  } finally {
    await store.close();
  }
}
