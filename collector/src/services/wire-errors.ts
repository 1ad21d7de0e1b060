import { WireError } from '../../../utils/wire/index';
import { ApiError } from './errors';

const WIRE_STATUS: Record<WireError['code'], 400 | 401> = {
  invalid_envelope: 400,
  bad_signature: 401,
  decrypt_failed: 400,
  invalid_plaintext: 400,
  envelope_mismatch: 400,
  invalid_key: 400,
};

/** Maps a WireError to its HTTP answer; anything else is rethrown as is. */
export function apiErrorFromWire(err: unknown): ApiError {
  if (!(err instanceof WireError)) throw err;
  // Wire messages quote zod paths and rules, never input values.
  return new ApiError(WIRE_STATUS[err.code], err.code, err.message.slice(0, 300));
}
