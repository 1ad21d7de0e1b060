// Checks that a release manifest is in the collector's transparency log: the manifest's CID is a leaf
// of a root the collector's receipt key signed, published after the epoch the release was cut from.
// With it, a collector cannot show one reader a release it never committed to in its log.
import type { ReleaseLogProof } from '../collector-api/releases';
import { verifyInclusion, verifySignedRoot } from '../wire/merkle';
import type { Manifest } from './format';

/** What fails, one sentence each; empty when the manifest is in the signed log. `logged` null: the collector has no proof. */
export function manifestLogFailures(manifestCid: string, manifest: Pick<Manifest, 'log'>, logged: ReleaseLogProof | null, receiptPub: string): string[] {
  if (!logged) return [`the collector's transparency log does not hold manifest ${manifestCid}`];
  const { root, proof } = logged;
  const { epoch } = root;
  if (!verifySignedRoot(root, receiptPub)) return [`the log root (epoch ${epoch}) said to hold the manifest is not signed by the collector's receipt key`];
  const failures: string[] = [];
  if (proof.cid !== manifestCid || !verifyInclusion(manifestCid, proof, root)) {
    failures.push(`the manifest's CID is not in the collector's signed log root of epoch ${epoch}: its inclusion proof does not verify`);
  }
  if (epoch <= manifest.log.epoch) {
    failures.push(`the manifest is logged at epoch ${epoch}, not after the epoch it was cut from (${manifest.log.epoch})`);
  }
  return failures;
}
