// Everything that can be checked without decrypting: shape, signature, clock.
import { authenticateParsedEnvelope, type BundleEnvelope } from '../../../utils/wire/index';
import { ApiError } from './errors';
import { apiErrorFromWire } from './wire-errors';

/** Signature of an envelope the route parsed; the result is what openWithCollectorKey expects. */
export function authenticate(env: BundleEnvelope): Readonly<BundleEnvelope> {
  try {
    return authenticateParsedEnvelope(env);
  } catch (err) {
    throw apiErrorFromWire(err);
  }
}

export function checkSkew(ts: number, now: number, maxSkewMs: number, what: string): void {
  if (Math.abs(now - ts) > maxSkewMs) {
    throw new ApiError(400, 'clock_skew', `${what} is more than ${Math.round(maxSkewMs / 1000)}s from the collector clock`);
  }
}
