// Storing bundles, straight through the store. The scoring context is bounded: exact duplicates
// are found across the whole history by content hash, near-duplicates only within the device's
// most recent NEAR_DUPLICATE_WINDOW earned signals, so ingest cost no longer grows with the
// device's history. Concurrent bundles (one SQLite transaction per batch) fail and score one by
// one. Runs on SQLite (collector project) and on PostgreSQL (collector-pg project).
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSignal } from '../../test/unit/wire/fixtures';
import {
  cidOf,
  generateDeviceKeyPair,
  generateReceiptKeyPair,
  signIngestReceipt,
  utf8Encode,
  type BundleEnvelope,
  type Signal,
} from '../../utils/wire/index';
import { scoreBundle, type ScoringContext, type ScoringRules, type SignalScore } from '../src/rewards/scoring';
import { NEAR_DUPLICATE_WINDOW } from '../src/rewards/scoring-context';
import { openPostgresStore } from '../src/store/postgres';
import { openSqliteStore } from '../src/store/sqlite';
import type { InsertBundleResult, Store } from '../src/store/types';
import { tempDir, testBackend, testDatabase } from './harness';

const RULES: ScoringRules = { nearDuplicateCosine: 0.97, dailyCapUnits: 1_000_000, unitsPerSignal: 1 };
const PER_BUNDLE = 20;
const receiptKey = generateReceiptKeyPair();

function randomEmbedding(): number[] {
  return Array.from({ length: 32 }, () => Math.random() - 0.5);
}

const signal = (overrides: Partial<Signal> = {}): Signal => makeSignal({ embedding: randomEmbedding(), ...overrides });

interface Stored {
  result: InsertBundleResult;
  scores: SignalScore[];
  /** What the store handed the scorer. */
  ctx: ScoringContext;
}

let store: Store;
let cleanup: () => Promise<void>;
let sqlitePath: string | undefined;
const device = generateDeviceKeyPair();
let clock = Date.UTC(2026, 0, 5, 12);

/** Offers one bundle of `signals` for the device straight to the store, as ingest does after decrypting. */
async function offer(signals: Signal[]): Promise<Stored> {
  clock += 1000;
  const env: BundleEnvelope = {
    v: 1,
    bundleId: randomUUID(),
    devicePub: device.publicKey,
    createdAt: clock,
    collectorKeyId: receiptKey.keyId,
    ephemeralPub: 'AAAA',
    nonce: 'AAAA',
    ciphertext: Buffer.from(randomUUID()).toString('base64'),
    sig: '00'.repeat(64),
  };
  const envelopeJson = JSON.stringify(env);
  let seen: Omit<Stored, 'result'> = { scores: [], ctx: { earned: [], deletedSignalIds: new Set(), unitsToday: 0 } };
  const result = await store.insertBundle({
    envelope: env,
    envelopeHash: randomUUID(),
    envelopeJson,
    cid: cidOf(utf8Encode(envelopeJson)),
    signals,
    score: (ctx) => {
      const scores = scoreBundle(signals, ctx, RULES);
      seen = { scores, ctx };
      return scores;
    },
    receiptFor: (credited) =>
      signIngestReceipt(
        { bundleId: env.bundleId, devicePub: env.devicePub, signalIds: signals.map((s) => s.id), storedAt: clock, credited, collectorKeyId: receiptKey.keyId },
        receiptKey.secretKey,
      ),
    receivedAt: clock,
  });
  return { ...seen, result };
}

async function insert(signals: Signal[]): Promise<Stored> {
  const stored = await offer(signals);
  expect(stored.result.status).toBe('stored');
  return stored;
}

/** More earned signals than the window holds, oldest first; every one scores. */
async function fillHistory(): Promise<Signal[]> {
  const history: Signal[] = [];
  const bundles = Math.ceil((NEAR_DUPLICATE_WINDOW + 2 * PER_BUNDLE) / PER_BUNDLE);
  for (let b = 0; b < bundles; b++) {
    const signals = Array.from({ length: PER_BUNDLE }, () => signal());
    const { scores } = await insert(signals);
    expect(scores.every((s) => s.reason === 'scored')).toBe(true);
    history.push(...signals);
  }
  return history;
}

beforeEach(async () => {
  if (testBackend() === 'postgres') {
    const database = await testDatabase();
    store = openPostgresStore(database.url);
    cleanup = async () => {
      await store.close();
      await database.drop();
    };
  } else {
    sqlitePath = join(tempDir(), 'collector.sqlite');
    store = openSqliteStore(sqlitePath);
    cleanup = () => store.close();
  }
});

afterEach(async () => {
  await cleanup();
  sqlitePath = undefined;
});

describe('scoring context with more earned history than the near-duplicate window', () => {
  it('reads a bounded context: the window plus the bundle’s own exact matches', async () => {
    const history = await fillHistory();
    expect(history.length).toBeGreaterThan(NEAR_DUPLICATE_WINDOW + PER_BUNDLE);
    const { ctx } = await insert(Array.from({ length: PER_BUNDLE }, () => signal()));
    expect(ctx.earned).toHaveLength(NEAR_DUPLICATE_WINDOW);
    // Embeddings come back as exactly the numbers that were sent.
    expect(ctx.earned.map((e) => Array.from(e.embedding))).toContainEqual(history.at(-1)!.embedding);
    const { ctx: withRepeats } = await insert(history.slice(0, 3).map((old) => signal({ origin: old.origin, text: old.text })));
    expect(withRepeats.earned).toHaveLength(NEAR_DUPLICATE_WINDOW + 3);
  });

  it('still pays an exact duplicate of a signal older than the window nothing', async () => {
    const [oldest] = await fillHistory();
    const { scores } = await insert([signal({ origin: oldest!.origin, text: `  ${oldest!.text.toUpperCase()} ` }), signal()]);
    expect(scores.map((s) => s.reason)).toEqual(['duplicate', 'scored']);
  });

  it('pays a near-duplicate of a signal inside the window nothing, but not one of a signal older than it (the trade-off)', async () => {
    const history = await fillHistory();
    const recent = history.at(-1)!;
    const oldest = history[0]!;
    const { scores } = await insert([
      signal({ embedding: recent.embedding.map((x) => x * 1.01) }),
      signal({ embedding: [...oldest.embedding] }),
    ]);
    expect(scores.map((s) => s.reason)).toEqual(['near_duplicate', 'scored']);
  });

  it('does not compare with signals that earned nothing', async () => {
    const first = signal();
    await insert([first]);
    const { scores } = await insert([signal({ origin: first.origin, text: first.text })]);
    expect(scores[0]!.reason).toBe('duplicate');
    const { ctx } = await insert([signal()]);
    expect(ctx.earned).toHaveLength(1);
  });
});

describe('concurrent bundles', () => {
  it('are scored one after the other, and one whose signal id is taken fails alone', async () => {
    const taken = signal();
    await insert([taken]);
    const shared = signal();
    const outcomes = await Promise.all([
      offer([signal()]),
      offer([shared]),
      offer([signal(), { ...taken }]),
      offer([signal({ origin: shared.origin, text: shared.text })]),
      offer([signal()]),
    ]);
    expect(outcomes.map((o) => o.result.status)).toEqual(['stored', 'stored', 'signal_conflict', 'stored', 'stored']);
    // Serialized per device: whichever of the two same-content bundles committed second is the duplicate
    // (on PostgreSQL the pool may start them in either order).
    expect([outcomes[1]!.scores[0]!.reason, outcomes[3]!.scores[0]!.reason].sort()).toEqual(['duplicate', 'scored']);
    const { ctx } = await insert([signal()]);
    // taken, the two lone signals and shared; the conflicting bundle left nothing, the duplicate earned nothing.
    expect(ctx.earned).toHaveLength(4);
  });
});

// Rows of an older SQLite schema; PostgreSQL stores never had them, so its run has no such test.
if (testBackend() === 'sqlite') {
  describe('rows stored before content hashes and binary embeddings were', () => {
    it('are hashed on first read and compared by their JSON embedding', async () => {
      const old = signal();
      await insert([old]);
      const db = new Database(sqlitePath!);
      db.prepare('UPDATE signals SET content_hash = NULL, embedding_f64 = NULL').run();
      db.close();
      const { scores } = await insert([signal({ origin: old.origin, text: old.text }), signal({ embedding: old.embedding.map((x) => x * 1.01) })]);
      expect(scores.map((s) => s.reason)).toEqual(['duplicate', 'near_duplicate']);
      const check = new Database(sqlitePath!, { readonly: true });
      const unhashed = check.prepare('SELECT COUNT(*) AS n FROM signals WHERE content_hash IS NULL').get() as { n: number };
      check.close();
      expect(unhashed.n).toBe(0);
    });
  });
}
