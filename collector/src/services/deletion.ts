import {
  deletionRequestHash,
  deletionRequestSchema,
  describeZodError,
  signDeletionReceipt,
  verifyDeletionRequest,
  type DeletionReceipt,
  type DeletionRequest,
} from '../../../utils/wire/index';
import { resealSignal } from '../at-rest/content';
import type { DestroyedKey, Keyring } from '../at-rest/keyring';
import { cidsOf } from '../bundles/queries';
import type { BlobStore } from '../cas/blob-store';
import type { Queries, Store } from '../db/store';
import { planDeletion } from '../deletions/plan';
import {
  deleteSignals,
  liveBundleIds,
  matchingSignals,
  purgeBundles,
  recordDeletionRequest,
  remainingSignals,
  replaceSealed,
  saveDeletionReceipt,
} from '../deletions/queries';
import type { CollectorKeys } from '../key-material';
import { appendLedger } from '../rewards/ledger';
import { debitScores } from '../rewards/score-audit';
import { ApiError } from './errors';
import { checkSkew } from './verify';

export interface DeletionDeps {
  store: Store;
  keys: CollectorKeys;
  maxSkewMs: number;
  now: () => number;
  limitDevice: (devicePub: string) => void;
  blobs: BlobStore;
  keyring: Keyring;
}

/**
 * Crypto-shredding: destroys the keys of what the deletion purged, so copies made before (backups,
 * dumps, replicas) no longer open. Everything of the device for "all"; otherwise each purged bundle's
 * key, and a bundle that keeps some of its signals moves them to a fresh key first. Runs inside the
 * unit, before its commit: a receipt is only ever signed for keys already gone. Should the commit
 * then fail, the rows stay but no longer open, which is what was asked; the device's retry removes them.
 */
async function destroyKeys(tx: Queries, keyring: Keyring, devicePub: string, scope: DeletionRequest['scope'], purged: readonly string[]): Promise<DestroyedKey[]> {
  if (scope.kind === 'all') return keyring.destroyDevice(devicePub);
  const destroyed: DestroyedKey[] = [];
  const left = await remainingSignals(tx, devicePub, purged);
  for (const bundleId of purged) {
    const keep = left.filter((s) => s.bundle_id === bundleId);
    if (keep.length === 0) {
      const gone = await keyring.destroyBundleKey(devicePub, bundleId);
      if (gone) destroyed.push(gone);
      continue;
    }
    const old = await keyring.bundleKey(devicePub, bundleId);
    const { fresh, destroyed: gone } = await keyring.replaceBundleKey(devicePub, bundleId);
    for (const s of keep) {
      const moved = old && resealSignal(old, fresh.key, s.id, s.sealed);
      // A signal that no longer opens stays as it is: unreadable, like its old key.
      if (moved) await replaceSealed(tx, s.id, moved);
    }
    if (gone) destroyed.push(gone);
  }
  return destroyed;
}

/**
 * One unit of work, serialized per device: records the request nonce (a replay gives null),
 * deletes the device's matching signals, purges the envelopes that contained them, debits what
 * those signals earned, and stores the signed receipt — so a committed deletion always has its
 * receipt on record.
 */
function deleteAndDebit(deps: DeletionDeps, req: DeletionRequest, requestHash: string, now: number): Promise<DeletionReceipt | null> {
  const d = { requestHash, devicePub: req.devicePub, nonce: req.nonce, ts: req.ts, scope: req.scope, receivedAt: now };
  return deps.store.unit(
    async (tx) => {
      if (!(await recordDeletionRequest(tx, d))) return null;
      const matched = await matchingSignals(tx, d.devicePub, d.scope);
      const { perBundle, purge } = planDeletion(matched, d.scope, d.scope.kind === 'all' ? await liveBundleIds(tx, d.devicePub) : []);
      let debited = 0;
      for (const [bundleId, ids] of perBundle) {
        await deleteSignals(tx, d.devicePub, ids);
        const units = await debitScores(tx, bundleId, ids, now);
        // Only what the deleted signals earned is withdrawn (duplicates earned nothing).
        await appendLedger(tx, [
          { devicePub: d.devicePub, bundleId, kind: 'deletion', amount: -units, signalCount: ids.length, requestHash, createdAt: now },
        ]);
        debited += units;
      }
      const purged = await purgeBundles(tx, d.devicePub, [...purge], now);
      const destroyedKeys = await destroyKeys(tx, deps.keyring, d.devicePub, d.scope, purged);
      const receipt = signDeletionReceipt(
        {
          requestHash,
          devicePub: d.devicePub,
          deleted: matched.map((m) => m.id),
          deletedBundles: purged,
          debited,
          destroyedKeys,
          ts: now,
          collectorKeyId: deps.keys.receipt.keyId,
        },
        deps.keys.receipt.secretKey,
      );
      await saveDeletionReceipt(tx, requestHash, receipt);
      return receipt;
    },
    { serializeOn: d.devicePub },
  );
}

export async function handleDeletion(deps: DeletionDeps, body: unknown): Promise<DeletionReceipt> {
  const parsed = deletionRequestSchema.safeParse(body);
  if (!parsed.success) throw new ApiError(400, 'invalid_request', describeZodError(parsed.error));
  const req = parsed.data;
  if (!verifyDeletionRequest(req)) throw new ApiError(401, 'bad_signature', 'deletion request signature does not verify for devicePub');
  deps.limitDevice(req.devicePub);
  const now = deps.now();
  // The nonce store only has to cover the window: anything older is refused here.
  checkSkew(req.ts, now, deps.maxSkewMs, 'ts');
  const receipt = await deleteAndDebit(deps, req, deletionRequestHash(req), now);
  if (!receipt) throw new ApiError(409, 'replay', 'this deletion request nonce was already used');
  await deps.store.dropDeletedPages();
  // The purged envelopes' blobs go too (after the commit: a crash here leaves an orphan blob, never a dangling row),
  // and every temp file, since one a crash left (here or in another collector) may hold one of these envelopes.
  for (const cid of await cidsOf(deps.store.db, receipt.deletedBundles)) await deps.blobs.delete(cid);
  await deps.blobs.removeTemporaryFiles();
  return receipt;
}
