import type { SignedRoot } from '../../../utils/wire/merkle';

export interface LogLeaf {
  bundleId: string;
  cid: string;
}

/** An epoch's tree as needed for one bundle's inclusion proof. */
export interface EpochTree {
  root: SignedRoot;
  leafIndex: number;
  /** Every leaf CID of the epoch, in tree order. */
  cids: string[];
}

/** Transparency log and bundle CIDs, on whichever database the collector uses. */
export interface TransparencyStore {
  /**
   * In one transaction: the next epoch number, the live (non-deleted) bundle
   * CIDs in log order, `sign` over them, and the signed root with its leaves
   * recorded. Concurrent publishers are serialized.
   */
  publishEpoch(sign: (epoch: number, leaves: readonly LogLeaf[]) => SignedRoot): Promise<SignedRoot>;
  latestRoot(): Promise<SignedRoot | null>;
  /** The latest epoch holding this bundle, or null if none does or the bundle was deleted since. */
  epochTreeFor(bundleId: string): Promise<EpochTree | null>;
  /** CIDs of these bundles (deleted ones included: their blobs are what gets removed). */
  cidsOf(bundleIds: readonly string[]): Promise<string[]>;
  /** CIDs of every live (non-deleted) bundle: the blobs to keep (start-up removes every other, e.g. a crash's leftovers). */
  liveCids(): Promise<string[]>;
}
