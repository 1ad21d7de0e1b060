import { openEnvelope, type BundleEnvelope, type BundlePlaintext } from '../../../utils/wire/index';
import type { CollectorKeys } from '../key-material';
import { ApiError } from './errors';
import { apiErrorFromWire } from './wire-errors';

/**
 * Picks the collector key the envelope names (old keys stay valid after
 * rotation) and opens it. Pass the envelope returned by `authenticate` so the
 * signature is not verified twice.
 */
export function openWithCollectorKey(env: Readonly<BundleEnvelope>, keys: CollectorKeys): BundlePlaintext {
  const key = keys.encryption.find((k) => k.keyId === env.collectorKeyId);
  if (!key) throw new ApiError(400, 'unknown_collector_key', 'collectorKeyId is not a key of this collector; refetch GET /v1/keys');
  try {
    return openEnvelope(env, key.secretKey);
  } catch (err) {
    throw apiErrorFromWire(err);
  }
}
