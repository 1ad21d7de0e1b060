// POST /v1/bundles, in the order that keeps unauthenticated or stale input
// away from the decryptor and the database: shape → signature → replay →
// clock → key → decrypt → validate → blob → one unit of work (score against
// what the device earned, sign the receipt, store bundle + signals + credit).
import { envelopeDigest, signIngestReceipt, utf8Encode, type BundleEnvelope, type BundlePlaintext } from '../../../utils/wire/index';
import type { IngestReceipt } from '../../../utils/wire/index';
import { cidOf } from '../../../utils/wire/cid';
import { sealEnvelope } from '../at-rest/content';
import type { Keyring } from '../at-rest/keyring';
import { findBundle, insertBundle } from '../bundles/queries';
import type { BlobStore } from '../cas/blob-store';
import type { Store } from '../db/store';
import type { CollectorKeys } from '../key-material';
import { appendLedger } from '../rewards/ledger';
import { recordScores } from '../rewards/score-audit';
import { scoreBundle, totalUnits, utcDay, type ScoringRules } from '../rewards/scoring';
import { bundleSignalKeys, earnedFlags, scoringContext } from '../rewards/scoring-context';
import { ApiError } from './errors';
import { openWithCollectorKey } from './open';
import { authenticate, checkSkew } from './verify';

export interface IngestDeps {
  store: Store;
  keys: CollectorKeys;
  maxSkewMs: number;
  now: () => number;
  /** Called after a bundle is committed and before it is acknowledged (fault-injection point for crash tests). */
  afterCommit?: () => void;
  /** Charges one request to an authenticated device; throws 429 when its budget is spent. */
  limitDevice: (devicePub: string) => void;
  /** The scoring rules in force when a bundle is scored (the community's policy may change them). */
  scoring: () => ScoringRules;
  /** Where the envelope is stored by its CID. */
  blobs: BlobStore;
  /** The keys of encryption at rest: what is stored of a bundle is sealed under its bundle's key. */
  keyring: Keyring;
}

export interface IngestResult {
  accepted: true;
  bundleId: string;
  duplicate: boolean;
  receipt: IngestReceipt;
}

async function replayAnswer(deps: IngestDeps, env: Readonly<BundleEnvelope>, hash: string): Promise<IngestResult | null> {
  const existing = await findBundle(deps.store.db, env.bundleId);
  if (!existing) return null;
  if (existing.envelopeHash !== hash) throw new ApiError(409, 'bundle_conflict', 'bundleId already used with a different envelope');
  if (existing.deleted || !existing.receipt) throw new ApiError(409, 'bundle_deleted', 'this bundle was deleted at the device owner’s request');
  return { accepted: true, bundleId: env.bundleId, duplicate: true, receipt: existing.receipt };
}

/** Thrown out of the unit so that the bundle row it wrote is rolled back. */
export class SignalConflict extends Error {}

/** The bundle's key was destroyed (a deletion of everything the device stored) between sealing and storing. */
class BundleKeyDestroyed extends Error {}

/** A bundle that passed every check before the database, its envelope already in the blob store. */
export interface AcceptedBundle {
  env: Readonly<BundleEnvelope>;
  hash: string;
  plaintext: BundlePlaintext;
  cid: string;
  /** Its key at rest, from the keyring. */
  bundleKey: Uint8Array;
  receivedAt: number;
}

/**
 * Scores the bundle against what the device already earned, signs the receipt for the units it
 * earns, and stores bundle, signals, credit and the scoring audit: one unit of work, serialized
 * per device, so two concurrent bundles can neither both slip under the daily cap nor both be
 * paid for the same content.
 */
export function storeAndCredit(deps: Pick<IngestDeps, 'store' | 'keys' | 'scoring' | 'keyring'>, a: AcceptedBundle): Promise<IngestReceipt | 'duplicate'> {
  const { env, plaintext } = a;
  const signals = plaintext.signals;
  return deps.store.unit(
    async (tx) => {
      if (await findBundle(tx, env.bundleId)) return 'duplicate';
      // Deletions destroy keys under this unit's serialization: checked here, the key holds until the commit.
      if (!(await deps.keyring.bundleKey(env.devicePub, env.bundleId))) throw new BundleKeyDestroyed();
      const day = utcDay(a.receivedAt);
      const keys = bundleSignalKeys(signals);
      const context = await scoringContext(tx, deps.keyring, env.devicePub, keys, day);
      const scores = scoreBundle(signals, context, deps.scoring(), keys.map((k) => k.contentHash));
      const credited = totalUnits(scores);
      const receipt = signIngestReceipt(
        {
          bundleId: env.bundleId,
          devicePub: env.devicePub,
          signalIds: signals.map((s) => s.id),
          storedAt: a.receivedAt,
          credited,
          collectorKeyId: deps.keys.receipt.keyId,
        },
        deps.keys.receipt.secretKey,
      );
      const earned = earnedFlags(scores);
      const facts = keys.map((k) => ({ contentHash: k.contentHash, earned: earned.get(k.id) ?? false }));
      const stored = await insertBundle(
        tx,
        { envelope: env, envelopeHash: a.hash, cid: a.cid, bundleKey: a.bundleKey, signals, receipt, receivedAt: a.receivedAt },
        facts,
      );
      if (stored === 'duplicate') return 'duplicate';
      if (stored === 'signal_conflict') throw new SignalConflict();
      await appendLedger(tx, [
        { devicePub: env.devicePub, bundleId: env.bundleId, kind: 'credit', amount: credited, signalCount: signals.length, requestHash: null, createdAt: a.receivedAt },
      ]);
      await recordScores(tx, env.bundleId, env.devicePub, scores, day, a.receivedAt);
      return receipt;
    },
    { serializeOn: env.devicePub },
  );
}

export async function ingestBundle(deps: IngestDeps, body: BundleEnvelope): Promise<IngestResult> {
  const env = authenticate(body);
  // Only after the signature: a forger must not be able to spend someone else's budget.
  deps.limitDevice(env.devicePub);
  const hash = envelopeDigest(env);
  // An identical, already-stored envelope is answered before the clock check so
  // a device whose ack got lost can still collect its receipt later.
  const replay = await replayAnswer(deps, env, hash);
  if (replay) return replay;
  const receivedAt = deps.now();
  checkSkew(env.createdAt, receivedAt, deps.maxSkewMs, 'createdAt');
  const plaintext = openWithCollectorKey(env, deps.keys);
  // The blob goes first: a committed row never names a missing blob. Its name is the CID of the
  // envelope as sent (what the transparency log and the device's proof commit to), its content
  // that envelope sealed under the bundle's key; collectors racing on one bundle share that key.
  const envelopeBytes = utf8Encode(JSON.stringify(env));
  const cid = cidOf(envelopeBytes);
  let outcome: IngestReceipt | 'duplicate' | undefined;
  let sealedEnvelope: Uint8Array;
  // Twice at most: a deletion of everything the device stored may destroy the new key meanwhile; the bundle, sent after, gets a fresh one.
  for (let attempt = 1; outcome === undefined; attempt++) {
    const bundleKey = (await deps.keyring.forBundle(env.devicePub, env.bundleId)).key;
    sealedEnvelope = sealEnvelope(bundleKey, env.bundleId, envelopeBytes);
    await deps.blobs.put(cid, sealedEnvelope);
    try {
      outcome = await storeAndCredit(deps, { env, hash, plaintext, cid, bundleKey, receivedAt });
    } catch (err) {
      if (err instanceof BundleKeyDestroyed && attempt < 2) continue;
      if (!(err instanceof SignalConflict)) throw err;
      await deps.blobs.delete(cid);
      throw new ApiError(409, 'signal_conflict', 'a signal id in this bundle is already stored');
    }
  }
  if (outcome !== 'duplicate') {
    // A collector starting meanwhile may have swept the blob as an orphan (its row was not committed yet).
    await deps.blobs.ensure(cid, sealedEnvelope!);
    deps.afterCommit?.();
    return { accepted: true, bundleId: env.bundleId, duplicate: false, receipt: outcome };
  }
  // Lost a race with a concurrent submission of this bundleId. An identical live envelope is the
  // winner's own blob (same CID) and stays; after any refusal ours names no live row, so it goes.
  let again: IngestResult | null;
  try {
    again = await replayAnswer(deps, env, hash);
  } catch (err) {
    if (err instanceof ApiError) await deps.blobs.delete(cid);
    throw err;
  }
  if (again) return again;
  await deps.blobs.delete(cid);
  throw new ApiError(409, 'bundle_conflict', 'bundleId already used');
}
