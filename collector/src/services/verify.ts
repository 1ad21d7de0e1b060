// Everything that can be checked without decrypting: shape, signature, clock.
import { authenticateEnvelope, type BundleEnvelope } from '../../../utils/wire/index';
import { ApiError } from './errors';
import { apiErrorFromWire } from './wire-errors';

/** Schema + signature; the result is what openWithCollectorKey expects. */
export function authenticate(body: unknown): Readonly<BundleEnvelope> {
  try {
    return authenticateEnvelope(body);
  } catch (err) {
    throw apiErrorFromWire(err);
  }
}

export function checkSkew(ts: number, now: number, maxSkewMs: number, what: string): void {
  if (Math.abs(now - ts) > maxSkewMs) {
    throw new ApiError(400, 'clock_skew', `${what} is more than ${Math.round(maxSkewMs / 1000)}s from the collector clock`);
  }
}
