// Publishing the transparency log: each epoch's tree is built over the live
// bundle CIDs (deleted bundles drop out of later epochs) and its root signed
// with the receipt key. Epochs are numbered 1, 2, … in publication order.
import { inclusionPath, merkleRoot, signRoot, type InclusionProof, type SignedRoot } from '../../../utils/wire/merkle';
import type { CollectorKeys } from '../keys';
import type { TransparencyStore } from './types';

export function publishEpoch(store: TransparencyStore, keys: CollectorKeys, now: () => number): Promise<SignedRoot> {
  return store.publishEpoch((epoch, leaves) =>
    signRoot(
      { epoch, size: leaves.length, root: merkleRoot(leaves.map((l) => l.cid)), ts: now(), collectorKeyId: keys.receipt.keyId },
      keys.receipt.secretKey,
    ),
  );
}

export async function inclusionProof(store: TransparencyStore, bundleId: string): Promise<InclusionProof | null> {
  const tree = await store.epochTreeFor(bundleId);
  if (!tree) return null;
  return {
    epoch: tree.root.epoch,
    leafIndex: tree.leafIndex,
    size: tree.root.size,
    cid: tree.cids[tree.leafIndex]!,
    path: inclusionPath(tree.cids, tree.leafIndex),
    root: tree.root.root,
  };
}

/**
 * Publishes an epoch every `epochMs`, unless another collector on the same
 * database already did within the period. Returns a stop function.
 */
export function scheduleEpochs(
  store: TransparencyStore,
  keys: CollectorKeys,
  epochMs: number,
  now: () => number,
  onError: (err: unknown) => void,
): () => void {
  const tick = async () => {
    const latest = await store.latestRoot();
    if (!latest || now() - latest.ts >= epochMs) await publishEpoch(store, keys, now);
  };
  const timer = setInterval(() => void tick().catch(onError), epochMs);
  timer.unref();
  return () => clearInterval(timer);
}
