// Everything that can be checked without decrypting: shape, clock, signature.
import { bundleEnvelopeSchema, describeZodError, verifyEnvelope, type BundleEnvelope } from '../../../utils/wire/index';
import { ApiError } from './errors';

export function parseEnvelope(body: unknown): BundleEnvelope {
  const parsed = bundleEnvelopeSchema.safeParse(body);
  if (!parsed.success) throw new ApiError(400, 'invalid_envelope', describeZodError(parsed.error));
  return parsed.data;
}

export function checkSignature(env: BundleEnvelope): void {
  if (!verifyEnvelope(env)) throw new ApiError(401, 'bad_signature', 'envelope signature does not verify for devicePub');
}

export function checkSkew(ts: number, now: number, maxSkewMs: number, what: string): void {
  if (Math.abs(now - ts) > maxSkewMs) {
    throw new ApiError(400, 'clock_skew', `${what} is more than ${Math.round(maxSkewMs / 1000)}s from the collector clock`);
  }
}
