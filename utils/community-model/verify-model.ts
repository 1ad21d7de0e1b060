// The newest community model, fetched from the collector and checked on the device with the same
// checks `npm run verify` makes for the blocks the device uses: each block is what its CID says, the
// manifest is a release manifest whose transparency-log root the pinned receipt key signed and whose
// CID is in that signed log, and the ONNX model is exactly the linear classifier its manifest and
// model card describe.
import { CID } from 'multiformats/cid';
import type { ReleaseLogProof } from '../collector-api/releases';
import { decodeJson, modelCardSchema, type Manifest } from '../release/format';
import type { LinearModel } from '../release/linear-model';
import { readLinearClassifier } from '../release/onnx';
import { manifestLogFailures } from '../release/log-inclusion';
import { blockMatches, checkManifest } from '../release/verify';

/** A release's community model, verified: what the device keeps and labels with. */
export interface VerifiedModel extends LinearModel {
  manifestCid: string;
  seq: number;
  embeddingModel: string;
  /** The top terms of each label's topic, in the order of `labels`. */
  terms: string[][];
  heldOutAccuracy: number;
  verifiedAt: number;
}

export interface ReleaseSource {
  /** A block's bytes as served; nothing about them is trusted. */
  block(cid: string): Promise<Uint8Array>;
  /** The collector's proof that the manifest is in its transparency log; null when it has none. */
  releaseLogProof(manifestCid: string): Promise<ReleaseLogProof | null>;
}

export class ModelVerificationError extends Error {
  override name = 'ModelVerificationError';
}

async function verifiedBlock(source: ReleaseSource, cid: CID, what: string): Promise<Uint8Array> {
  const bytes = await source.block(cid.toString());
  if (!(await blockMatches(cid, bytes))) throw new ModelVerificationError(`${what} (${cid}) does not match its CID: its content was altered`);
  return bytes;
}

/** The manifest of the release `manifestCid`, verified; throws ModelVerificationError. */
export async function verifiedManifest(source: ReleaseSource, manifestCid: string, receiptPub: string): Promise<Manifest> {
  const cid = CID.parse(manifestCid);
  const { manifest, failures } = checkManifest(cid, await verifiedBlock(source, cid, 'the manifest'), receiptPub);
  if (!manifest || failures.length) throw new ModelVerificationError(failures.join('; '));
  const notLogged = manifestLogFailures(manifestCid, manifest, await source.releaseLogProof(manifestCid), receiptPub);
  if (notLogged.length) throw new ModelVerificationError(notLogged.join('; '));
  return manifest;
}

/** The release's community model, verified; null when the release has none. Throws ModelVerificationError. */
export async function verifiedModel(source: ReleaseSource, manifestCid: string, manifest: Manifest, now: number): Promise<VerifiedModel | null> {
  const ref = manifest.model;
  if (!ref) return null;
  const [onnx, cardBytes] = await Promise.all([verifiedBlock(source, ref.onnx, 'the community model'), verifiedBlock(source, ref.card, 'the model card')]);
  let weights: ReturnType<typeof readLinearClassifier>;
  try {
    weights = readLinearClassifier(onnx);
  } catch (err) {
    throw new ModelVerificationError(`the community model cannot be run here: ${err instanceof Error ? err.message : String(err)}`);
  }
  let cardJson: unknown;
  try {
    cardJson = decodeJson(cardBytes);
  } catch {
    cardJson = null;
  }
  const card = modelCardSchema.safeParse(cardJson);
  if (!card.success) throw new ModelVerificationError(`the model card is malformed: ${card.error.issues[0]?.message ?? 'invalid'}`);
  const described =
    weights.dims === ref.dims &&
    weights.classes === ref.labels.length &&
    card.data.dims === ref.dims &&
    card.data.embeddingModel === ref.embeddingModel &&
    card.data.heldOutAccuracy === ref.heldOutAccuracy &&
    card.data.labels.map((l) => l.topic).join() === ref.labels.join();
  if (!described) throw new ModelVerificationError('the community model is not the one its manifest and model card describe');
  return {
    manifestCid,
    seq: manifest.seq,
    embeddingModel: ref.embeddingModel,
    dims: weights.dims,
    labels: ref.labels,
    weights: weights.weights,
    bias: weights.bias,
    terms: card.data.labels.map((l) => l.terms),
    heldOutAccuracy: card.data.heldOutAccuracy,
    verifiedAt: now,
  };
}
