import { randomBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalBytes, sha256Hex } from './canonical';
import { bytesToHex } from './encoding';
import { devicePubFromSecret, signBytes, verifyBytes } from './key-pairs';
import { devicePub, ed25519Sig, hex, timestampMs, uuid } from './primitives';
import { originSchema } from './signal';

export const DELETION_SIG_TAG = 'tributary/deletion-request/v1';
export const DELETION_HASH_TAG = 'tributary/deletion-request-hash/v1';

export const deletionScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bundles'), bundleIds: z.array(uuid).min(1).max(1000) }),
  // Single items: the collector deletes just these signals and purges the envelopes that held them.
  z.strictObject({ kind: z.literal('signals'), signalIds: z.array(uuid).min(1).max(1000) }),
  z.strictObject({ kind: z.literal('site'), origin: originSchema }),
  // A UTC calendar day, matched against each signal's visitedAt.
  z.strictObject({ kind: z.literal('day'), day: z.iso.date() }),
  z.strictObject({ kind: z.literal('all') }),
]);
export type DeletionScope = z.infer<typeof deletionScopeSchema>;

export const deletionRequestSchema = z.strictObject({
  v: z.literal(1),
  devicePub,
  scope: deletionScopeSchema,
  ts: timestampMs,
  nonce: hex(16),
  sig: ed25519Sig,
});
export type DeletionRequest = z.infer<typeof deletionRequestSchema>;
export type UnsignedDeletionRequest = Omit<DeletionRequest, 'sig' | 'nonce' | 'v' | 'devicePub'> & { nonce?: string };

function deletionSigningBytes(req: Omit<DeletionRequest, 'sig'>): Uint8Array {
  return canonicalBytes(DELETION_SIG_TAG, { v: req.v, devicePub: req.devicePub, scope: req.scope, ts: req.ts, nonce: req.nonce });
}

/** Builds and signs a deletion request; a random 16-byte nonce is drawn unless given. */
export function signDeletionRequest(req: UnsignedDeletionRequest, deviceSecretKey: Uint8Array): DeletionRequest {
  const unsigned = {
    v: 1 as const,
    devicePub: devicePubFromSecret(deviceSecretKey),
    scope: req.scope,
    ts: req.ts,
    nonce: req.nonce ?? bytesToHex(randomBytes(16)),
  };
  return deletionRequestSchema.parse({ ...unsigned, sig: signBytes(deletionSigningBytes(unsigned), deviceSecretKey) });
}

/** True iff well-formed and signed by its own devicePub. Never throws. */
export function verifyDeletionRequest(req: unknown): req is DeletionRequest {
  const parsed = deletionRequestSchema.safeParse(req);
  if (!parsed.success) return false;
  const { sig, ...unsigned } = parsed.data;
  return verifyBytes(sig, deletionSigningBytes(unsigned), parsed.data.devicePub);
}

/** The hash a deletion receipt names: sha256 over the whole signed request, signature included. */
export function deletionRequestHash(req: DeletionRequest): string {
  return sha256Hex(canonicalBytes(DELETION_HASH_TAG, req));
}
