// Transparency log: the collector appends every accepted bundle's CID to a
// Merkle tree hashed as in RFC 6962 / RFC 9162 (leaf = sha256(0x00‖data),
// node = sha256(0x01‖left‖right)) and signs the root of each epoch with its
// receipt key. A device checks that its bundle is in the published tree with
// verifyInclusion, and that the root really came from the collector with
// verifySignedRoot. Pure: runs in the extension and in the collector.
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { canonicalBytes } from './canonical';
import { bytesToHex, hexToBytes, utf8Encode } from './encoding';
import { signBytes, verifyBytes } from './key-pairs';
import { ed25519Sig, hex, keyId, timestampMs } from './primitives';

export const TRANSPARENCY_ROOT_TAG = 'tributary/transparency-root/v1';

/** A CIDv1 string in base32 lower case (`b…`). */
const cidString = z.string().regex(/^b[a-z2-7]{10,}$/);
const count = z.number().int().min(0);

export const signedRootSchema = z.strictObject({
  v: z.literal(1),
  epoch: z.number().int().min(1),
  /** Number of leaves. */
  size: count,
  /** Hex Merkle tree hash over the epoch's leaves. */
  root: hex(32),
  ts: timestampMs,
  collectorKeyId: keyId,
  sig: ed25519Sig,
});
export type SignedRoot = z.infer<typeof signedRootSchema>;

export const inclusionProofSchema = z.strictObject({
  epoch: z.number().int().min(1),
  leafIndex: count,
  size: z.number().int().min(1),
  cid: cidString,
  /** Sibling hashes (hex) from the leaf up to the root. */
  path: z.array(hex(32)).max(64),
  root: hex(32),
});
export type InclusionProof = z.infer<typeof inclusionProofSchema>;

function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const buf = new Uint8Array(1 + left.length + right.length);
  buf[0] = 0x01;
  buf.set(left, 1);
  buf.set(right, 1 + left.length);
  return sha256(buf);
}

/** sha256(0x00 ‖ utf8(cid)), hex. */
export function leafHash(cid: string): string {
  return bytesToHex(leafHashBytes(cid));
}

function leafHashBytes(cid: string): Uint8Array {
  const data = utf8Encode(cid);
  const buf = new Uint8Array(1 + data.length);
  buf.set(data, 1);
  return sha256(buf);
}

/** Largest power of two strictly below n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function treeHash(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return leaves[0]!;
  const k = split(leaves.length);
  return nodeHash(treeHash(leaves.slice(0, k)), treeHash(leaves.slice(k)));
}

function auditPath(index: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return index < k
    ? [...auditPath(index, leaves.slice(0, k)), treeHash(leaves.slice(k))]
    : [...auditPath(index - k, leaves.slice(k)), treeHash(leaves.slice(0, k))];
}

/** Root (hex) of the tree over these CIDs, in order. The empty tree's root is sha256(""). */
export function merkleRoot(cids: readonly string[]): string {
  return bytesToHex(treeHash(cids.map(leafHashBytes)));
}

/** Audit path (hex siblings, leaf to root) for the CID at `leafIndex`. */
export function inclusionPath(cids: readonly string[], leafIndex: number): string[] {
  if (!Number.isInteger(leafIndex) || leafIndex < 0 || leafIndex >= cids.length) throw new RangeError('leaf index out of range');
  return auditPath(leafIndex, cids.map(leafHashBytes)).map(bytesToHex);
}

/**
 * RFC 9162 §2.1.3.2: recomputes the root from the CID, its index, the tree
 * size and the audit path, and compares it with `root`. Also requires the
 * proof's own `root` (if given) to be that same root.
 *
 * Pass the SignedRoot (after verifySignedRoot) rather than its hex hash: the
 * path alone does not pin the tree size (leaf 0 of a 3-leaf and of a 4-leaf
 * tree have paths of the same shape), the signed root does — its size and
 * epoch must then match the proof's.
 */
export function verifyInclusion(
  cid: string,
  proof: Pick<InclusionProof, 'leafIndex' | 'size' | 'path'> & { root?: string; epoch?: number },
  root: string | Pick<SignedRoot, 'root' | 'size' | 'epoch'>,
): boolean {
  const p = inclusionProofSchema.pick({ leafIndex: true, size: true, path: true }).safeParse({ leafIndex: proof.leafIndex, size: proof.size, path: proof.path });
  if (typeof root !== 'string') {
    if (root.size !== proof.size || (proof.epoch !== undefined && proof.epoch !== root.epoch)) return false;
    return verifyInclusion(cid, proof, root.root);
  }
  if (!p.success || !/^[0-9a-f]{64}$/.test(root) || (proof.root !== undefined && proof.root !== root)) return false;
  const { leafIndex, size, path } = p.data;
  if (leafIndex >= size) return false;
  let fn = leafIndex;
  let sn = size - 1;
  let r = leafHashBytes(cid);
  for (const siblingHex of path) {
    if (sn === 0) return false;
    const sibling = hexToBytes(siblingHex);
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sibling, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && bytesToHex(r) === root;
}

export function signRoot(root: Omit<SignedRoot, 'sig' | 'v'>, receiptSecretKey: Uint8Array): SignedRoot {
  const unsigned = { v: 1 as const, ...root };
  return { ...unsigned, sig: signBytes(canonicalBytes(TRANSPARENCY_ROOT_TAG, unsigned), receiptSecretKey) };
}

/** Offline check of a published root against the collector's receipt public key (hex). */
export function verifySignedRoot(root: unknown, collectorReceiptPub: string): root is SignedRoot {
  const parsed = signedRootSchema.safeParse(root);
  if (!parsed.success) return false;
  const { sig, ...unsigned } = parsed.data;
  return verifyBytes(sig, canonicalBytes(TRANSPARENCY_ROOT_TAG, unsigned), collectorReceiptPub);
}
