// Compute contributions: a device asks for a shard of public texts and returns their embeddings,
// both signed by its device key, so work is credited to the device that did it.
import { randomBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalBytes, sha256Hex } from './canonical';
import { base64ToBytes, bytesToHex } from './encoding';
import { devicePubFromSecret, signBytes, verifyBytes } from './key-pairs';
import { encodedVectorBytes } from './vector-codec';
import { b64Max, devicePub, ed25519Sig, hex, timestampMs, uuid } from './primitives';

export const COMPUTE_JOB_SIG_TAG = 'tributary/compute-job-request/v1';
export const COMPUTE_RESULT_SIG_TAG = 'tributary/compute-result/v1';

/** A shard holds a few dozen texts; each text is at most one page excerpt long. */
export const COMPUTE_LIMITS = { textsPerShard: 64, textChars: 4000, maxDims: 4096 } as const;

/** The embedding model a shard must be run with: its id and the hash of its weights. */
export const computeModelSchema = z.strictObject({
  id: z.string().min(1).max(200),
  version: hex(8),
});
export type ComputeModel = z.infer<typeof computeModelSchema>;

export const computeJobRequestSchema = z.strictObject({
  v: z.literal(1),
  devicePub,
  ts: timestampMs,
  nonce: hex(16),
  sig: ed25519Sig,
});
export type ComputeJobRequest = z.infer<typeof computeJobRequestSchema>;

export const computeJobSchema = z.strictObject({
  jobId: uuid,
  model: computeModelSchema,
  dims: z.number().int().min(1).max(COMPUTE_LIMITS.maxDims),
  texts: z.array(z.string().min(1).max(COMPUTE_LIMITS.textChars)).min(1).max(COMPUTE_LIMITS.textsPerShard),
});
export type ComputeJob = z.infer<typeof computeJobSchema>;

const MAX_VECTOR_B64 = Math.ceil((COMPUTE_LIMITS.textsPerShard * encodedVectorBytes(COMPUTE_LIMITS.maxDims)) / 3) * 4;

export const computeResultSchema = z.strictObject({
  v: z.literal(1),
  devicePub,
  jobId: uuid,
  model: computeModelSchema,
  dims: z.number().int().min(1).max(COMPUTE_LIMITS.maxDims),
  count: z.number().int().min(1).max(COMPUTE_LIMITS.textsPerShard),
  /** `count` binary vectors of `dims` dimensions, wire v2 (utils/wire/vectors.ts). */
  vectors: b64Max(MAX_VECTOR_B64),
  ts: timestampMs,
  sig: ed25519Sig,
});
export type ComputeResult = z.infer<typeof computeResultSchema>;

function jobRequestBytes(req: Omit<ComputeJobRequest, 'sig'>): Uint8Array {
  return canonicalBytes(COMPUTE_JOB_SIG_TAG, { v: req.v, devicePub: req.devicePub, ts: req.ts, nonce: req.nonce });
}

/** The vectors are signed by their sha256, as an envelope's ciphertext is. */
function resultBytes(res: Omit<ComputeResult, 'sig'>): Uint8Array {
  return canonicalBytes(COMPUTE_RESULT_SIG_TAG, {
    v: res.v,
    devicePub: res.devicePub,
    jobId: res.jobId,
    model: res.model,
    dims: res.dims,
    count: res.count,
    vectorsSha256: sha256Hex(base64ToBytes(res.vectors)),
    ts: res.ts,
  });
}

export function signComputeJobRequest(ts: number, deviceSecretKey: Uint8Array): ComputeJobRequest {
  const unsigned = { v: 1 as const, devicePub: devicePubFromSecret(deviceSecretKey), ts, nonce: bytesToHex(randomBytes(16)) };
  return computeJobRequestSchema.parse({ ...unsigned, sig: signBytes(jobRequestBytes(unsigned), deviceSecretKey) });
}

export function signComputeResult(result: Omit<ComputeResult, 'sig' | 'v' | 'devicePub'>, deviceSecretKey: Uint8Array): ComputeResult {
  const unsigned = { v: 1 as const, devicePub: devicePubFromSecret(deviceSecretKey), ...result };
  return computeResultSchema.parse({ ...unsigned, sig: signBytes(resultBytes(unsigned), deviceSecretKey) });
}

/** True iff signed by its own devicePub; the schema was checked on arrival. Never throws. */
export function verifyComputeJobRequest(req: ComputeJobRequest): boolean {
  const { sig, ...unsigned } = req;
  return verifyBytes(sig, jobRequestBytes(unsigned), req.devicePub);
}

export function verifyComputeResult(res: ComputeResult): boolean {
  const { sig, ...unsigned } = res;
  try {
    return verifyBytes(sig, resultBytes(unsigned), res.devicePub);
  } catch {
    return false;
  }
}
