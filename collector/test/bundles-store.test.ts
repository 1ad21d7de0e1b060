// Storing bundles through ingest's unit of work (score → receipt → store), straight on the
// store. The scoring context is bounded: exact duplicates are found across the whole history by
// content hash, near-duplicates only within the device's most recent NEAR_DUPLICATE_WINDOW earned
// signals, so ingest cost no longer grows with the device's history. Concurrent bundles (one
// SQLite transaction per batch) fail and score one by one. Runs on SQLite (collector project) and
// on PostgreSQL (collector-pg project).
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSignal } from '../../test/unit/wire/fixtures';
import { cidOf, decodeVectorB64, encodeVectorB64, generateDeviceKeyPair, WIRE_VERSION, generateReceiptKeyPair, utf8Encode, type BundleEnvelope, type Signal } from '../../utils/wire/index';
import type { Store } from '../src/db/store';
import type { CollectorKeys } from '../src/key-material';
import { utcDay, type ScoreReason, type ScoringContext, type ScoringRules } from '../src/rewards/scoring';
import { bundleSignalKeys, NEAR_DUPLICATE_WINDOW, scoringContext } from '../src/rewards/scoring-context';
import { SignalConflict, storeAndCredit } from '../src/services/ingest';
import { dataKeyId, newDataKey } from '../src/at-rest/aead';
import { fsKeyring, type Keyring } from '../src/at-rest/keyring';
import { openTestStore, tempDir } from './harness';

const RULES: ScoringRules = { nearDuplicateCosine: 0.97, dailyCapUnits: 1_000_000, unitsPerSignal: 1 };
const PER_BUNDLE = 20;
const master = newDataKey();
const keys: CollectorKeys = { encryption: [], receipt: generateReceiptKeyPair(), master: { keyId: dataKeyId(master), key: master } };
let keyring: Keyring;

function randomEmbedding(): number[] {
  return Array.from({ length: 32 }, () => Math.random() - 0.5);
}

const signal = (overrides: Partial<Signal> = {}): Signal => makeSignal({ embedding: encodeVectorB64(randomEmbedding()), ...overrides });

interface Stored {
  status: 'stored' | 'duplicate' | 'signal_conflict';
  /** Each signal's scoring outcome, in the bundle's order (empty unless stored). */
  reasons: ScoreReason[];
}

let store: Store;
let cleanup: () => Promise<void>;
const device = generateDeviceKeyPair();
let clock = Date.UTC(2026, 0, 5, 12);

/** Offers one bundle of `signals` for the device to ingest's unit of work, as ingest does after decrypting. */
async function offer(signals: Signal[]): Promise<Stored> {
  clock += 1000;
  const env: BundleEnvelope = {
    v: WIRE_VERSION,
    bundleId: randomUUID(),
    devicePub: device.publicKey,
    createdAt: clock,
    collectorKeyId: keys.receipt.keyId,
    ephemeralPub: 'AAAA',
    nonce: 'AAAA',
    ciphertext: Buffer.from(randomUUID()).toString('base64'),
    sig: '00'.repeat(64),
  };
  const cid = cidOf(utf8Encode(JSON.stringify(env)));
  const bundleKey = (await keyring.forBundle(env.devicePub, env.bundleId)).key;
  let outcome;
  try {
    outcome = await storeAndCredit(
      { store, keys, scoring: () => RULES, keyring },
      { env, hash: randomUUID(), plaintext: { v: WIRE_VERSION, bundleId: env.bundleId, devicePub: env.devicePub, createdAt: clock, signals }, cid, bundleKey, receivedAt: clock },
    );
  } catch (err) {
    if (err instanceof SignalConflict) return { status: 'signal_conflict', reasons: [] };
    throw err;
  }
  if (outcome === 'duplicate') return { status: 'duplicate', reasons: [] };
  const rows = await store.db.selectFrom('signal_scores').select(['signal_id', 'reason']).where('bundle_id', '=', env.bundleId).execute();
  const reasonOf = new Map(rows.map((r) => [r.signal_id, r.reason as ScoreReason]));
  return { status: 'stored', reasons: signals.map((s) => reasonOf.get(s.id)!) };
}

/** What a bundle of `signals` would be scored against now. */
function contextFor(signals: Signal[]): Promise<ScoringContext> {
  return scoringContext(store.db, keyring, device.publicKey, bundleSignalKeys(signals), utcDay(clock));
}

async function insert(signals: Signal[]): Promise<Stored> {
  const stored = await offer(signals);
  expect(stored.status).toBe('stored');
  return stored;
}

/** More earned signals than the window holds, oldest first; every one scores. */
async function fillHistory(): Promise<Signal[]> {
  const history: Signal[] = [];
  const bundles = Math.ceil((NEAR_DUPLICATE_WINDOW + 2 * PER_BUNDLE) / PER_BUNDLE);
  for (let b = 0; b < bundles; b++) {
    const signals = Array.from({ length: PER_BUNDLE }, () => signal());
    const { reasons } = await insert(signals);
    expect(reasons.every((r) => r === 'scored')).toBe(true);
    history.push(...signals);
  }
  return history;
}

let keyringDir: string;
beforeEach(async () => {
  ({ store, close: cleanup } = await openTestStore());
  keyringDir = tempDir();
  keyring = fsKeyring(keyringDir, master);
});

afterEach(async () => {
  await cleanup();
  rmSync(keyringDir, { recursive: true, force: true });
});

describe('scoring context with more earned history than the near-duplicate window', () => {
  it('reads a bounded context: the window plus the bundle’s own exact matches', async () => {
    const history = await fillHistory();
    expect(history.length).toBeGreaterThan(NEAR_DUPLICATE_WINDOW + PER_BUNDLE);
    const ctx = await contextFor(Array.from({ length: PER_BUNDLE }, () => signal()));
    expect(ctx.earned).toHaveLength(NEAR_DUPLICATE_WINDOW);
    // Embeddings come back as exactly the vectors that were sent.
    expect(ctx.earned.map((e) => Array.from(e.embedding))).toContainEqual(Array.from(decodeVectorB64(history.at(-1)!.embedding)));
    const withRepeats = await contextFor(history.slice(0, 3).map((old) => signal({ origin: old.origin, text: old.text })));
    expect(withRepeats.earned).toHaveLength(NEAR_DUPLICATE_WINDOW + 3);
  });

  it('still pays an exact duplicate of a signal older than the window nothing', async () => {
    const [oldest] = await fillHistory();
    const { reasons } = await insert([signal({ origin: oldest!.origin, text: `  ${oldest!.text.toUpperCase()} ` }), signal()]);
    expect(reasons).toEqual(['duplicate', 'scored']);
  });

  it('pays a near-duplicate of a signal inside the window nothing, but not one of a signal older than it (the trade-off)', async () => {
    const history = await fillHistory();
    const recent = history.at(-1)!;
    const oldest = history[0]!;
    const { reasons } = await insert([
      signal({ embedding: encodeVectorB64(decodeVectorB64(recent.embedding).map((x) => x * 1.01)) }),
      signal({ embedding: oldest.embedding }),
    ]);
    expect(reasons).toEqual(['near_duplicate', 'scored']);
  });

  it('does not compare with signals that earned nothing', async () => {
    const first = signal();
    await insert([first]);
    const { reasons } = await insert([signal({ origin: first.origin, text: first.text })]);
    expect(reasons).toEqual(['duplicate']);
    expect((await contextFor([signal()])).earned).toHaveLength(1);
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
    expect(outcomes.map((o) => o.status)).toEqual(['stored', 'stored', 'signal_conflict', 'stored', 'stored']);
    // Serialized per device: whichever of the two same-content bundles committed second is the duplicate
    // (on PostgreSQL the pool may start them in either order).
    expect([outcomes[1]!.reasons[0], outcomes[3]!.reasons[0]].sort()).toEqual(['duplicate', 'scored']);
    const ctx = await contextFor([signal()]);
    // taken, the two lone signals and shared; the conflicting bundle left nothing, the duplicate earned nothing.
    expect(ctx.earned).toHaveLength(4);
  });
});
