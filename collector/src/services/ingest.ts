// POST /v1/bundles, in the order that keeps unauthenticated or stale input
// away from the decryptor and the database: shape → signature → replay →
// clock → key → decrypt → validate → store + score + credit (one transaction).
import { envelopeDigest, signIngestReceipt, utf8Encode, type BundleEnvelope, type IngestReceipt } from '../../../utils/wire/index';
import type { BlobStore } from '../cas/blob-store';
import type { CollectorKeys } from '../keys';
import type { Store } from '../store/types';
import { ApiError } from './errors';
import { scoreBundle, type ScoringRules } from '../rewards/scoring';
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
  scoring: ScoringRules;
  /** Where the envelope is stored by its CID. */
  blobs: BlobStore;
}

export interface IngestResult {
  accepted: true;
  bundleId: string;
  duplicate: boolean;
  receipt: IngestReceipt;
}

async function replayAnswer(deps: IngestDeps, env: Readonly<BundleEnvelope>, hash: string): Promise<IngestResult | null> {
  const existing = await deps.store.findBundle(env.bundleId);
  if (!existing) return null;
  if (existing.envelopeHash !== hash) throw new ApiError(409, 'bundle_conflict', 'bundleId already used with a different envelope');
  if (existing.deleted || !existing.receipt) throw new ApiError(409, 'bundle_deleted', 'this bundle was deleted at the device owner’s request');
  return { accepted: true, bundleId: env.bundleId, duplicate: true, receipt: existing.receipt };
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
  const now = deps.now();
  checkSkew(env.createdAt, now, deps.maxSkewMs, 'createdAt');
  const plaintext = openWithCollectorKey(env, deps.keys);
  const receiptFor = (credited: number): IngestReceipt =>
    signIngestReceipt(
      {
        bundleId: env.bundleId,
        devicePub: env.devicePub,
        signalIds: plaintext.signals.map((s) => s.id),
        storedAt: now,
        credited,
        collectorKeyId: deps.keys.receipt.keyId,
      },
      deps.keys.receipt.secretKey,
    );
  // The blob goes first: a committed row never names a missing blob. One serialisation serves both.
  const envelopeJson = JSON.stringify(env);
  const envelopeBytes = utf8Encode(envelopeJson);
  const cid = await deps.blobs.put(envelopeBytes);
  const result = await deps.store.insertBundle({
    envelope: env,
    envelopeHash: hash,
    envelopeJson,
    signals: plaintext.signals,
    cid,
    score: (ctx) => scoreBundle(plaintext.signals, ctx, deps.scoring),
    receiptFor,
    receivedAt: now,
  });
  switch (result.status) {
    case 'stored':
      // A collector starting meanwhile may have swept the blob as an orphan (its row was not committed yet).
      await deps.blobs.ensure(envelopeBytes);
      deps.afterCommit?.();
      return { accepted: true, bundleId: env.bundleId, duplicate: false, receipt: result.receipt };
    case 'signal_conflict':
      await deps.blobs.delete(cid);
      throw new ApiError(409, 'signal_conflict', 'a signal id in this bundle is already stored');
    case 'duplicate': {
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
  }
}
