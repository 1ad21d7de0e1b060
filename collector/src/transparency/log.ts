// Publishing the transparency log: each epoch's tree is built over the live
// bundle CIDs (deleted bundles drop out of later epochs) and its root signed
// with the receipt key. Epochs are numbered 1, 2, … in publication order.
import { inclusionPath, merkleRoot, signRoot, type InclusionProof, type SignedRoot } from '../../../utils/wire/merkle';
import type { Queries, Store } from '../db/store';
import type { CollectorKeys } from '../key-material';
import { epochTreeFor, latestRoot, publishEpoch as recordEpoch, releaseEpochTree, type EpochTree } from './store';

export function publishEpoch(store: Store, keys: CollectorKeys, now: () => number): Promise<SignedRoot> {
  return recordEpoch(store, (epoch, leaves) =>
    signRoot(
      { epoch, size: leaves.length, root: merkleRoot(leaves.map((l) => l.cid)), ts: now(), collectorKeyId: keys.receipt.keyId },
      keys.receipt.secretKey,
    ),
  );
}

function proofIn(tree: EpochTree): InclusionProof {
  return {
    epoch: tree.root.epoch,
    leafIndex: tree.leafIndex,
    size: tree.root.size,
    cid: tree.cids[tree.leafIndex]!,
    path: inclusionPath(tree.cids, tree.leafIndex),
    root: tree.root.root,
  };
}

export async function inclusionProof(db: Queries, bundleId: string): Promise<InclusionProof | null> {
  const tree = await epochTreeFor(db, bundleId);
  return tree ? proofIn(tree) : null;
}

/** A release manifest's inclusion proof with the signed root it leads to, from the latest epoch holding it. */
export async function releaseInclusion(db: Queries, seq: number): Promise<{ root: SignedRoot; proof: InclusionProof } | null> {
  const tree = await releaseEpochTree(db, seq);
  return tree ? { root: tree.root, proof: proofIn(tree) } : null;
}

/**
 * Publishes an epoch every `epochMs`, unless another collector on the same
 * database already did within the period. Returns a stop function.
 */
export function scheduleEpochs(store: Store, keys: CollectorKeys, epochMs: number, now: () => number, onError: (err: unknown) => void): () => void {
  const tick = async () => {
    const latest = await latestRoot(store.db);
    if (!latest || now() - latest.ts >= epochMs) await publishEpoch(store, keys, now);
  };
  const timer = setInterval(() => void tick().catch(onError), epochMs);
  timer.unref();
  return () => clearInterval(timer);
}
