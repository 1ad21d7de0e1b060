import { openEnvelope, WireError, type BundleEnvelope, type BundlePlaintext } from '../../../utils/wire/index';
import type { CollectorKeys } from '../keys';
import { ApiError } from './errors';

const WIRE_STATUS: Record<WireError['code'], { status: 400 | 401; code: string }> = {
  invalid_envelope: { status: 400, code: 'invalid_envelope' },
  bad_signature: { status: 401, code: 'bad_signature' },
  decrypt_failed: { status: 400, code: 'decrypt_failed' },
  invalid_plaintext: { status: 400, code: 'invalid_plaintext' },
  envelope_mismatch: { status: 400, code: 'envelope_mismatch' },
  invalid_key: { status: 400, code: 'invalid_key' },
};

/** Picks the collector key the envelope names (old keys stay valid after rotation) and opens it. */
export function openWithCollectorKey(env: BundleEnvelope, keys: CollectorKeys): BundlePlaintext {
  const key = keys.encryption.find((k) => k.keyId === env.collectorKeyId);
  if (!key) throw new ApiError(400, 'unknown_collector_key', 'collectorKeyId is not a key of this collector; refetch GET /v1/keys');
  try {
    return openEnvelope(env, key.secretKey);
  } catch (err) {
    if (err instanceof WireError) {
      const m = WIRE_STATUS[err.code];
      // The wire message may quote zod paths but never plaintext values.
      throw new ApiError(m.status, m.code, err.message.slice(0, 300));
    }
    throw err;
  }
}
