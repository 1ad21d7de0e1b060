import { z } from 'zod';
import { b64Exact, hex, keyId } from './primitives';

/** Response of GET /v1/keys. */
export const collectorKeysResponseSchema = z.strictObject({
  encryption: z
    .array(z.strictObject({ keyId, publicKey: b64Exact(32), current: z.boolean() }))
    .min(1)
    .refine((ks) => ks.filter((k) => k.current).length === 1, 'exactly one current key'),
  receipt: z.strictObject({ keyId, publicKey: hex(32) }),
});
export type CollectorKeysResponse = z.infer<typeof collectorKeysResponseSchema>;
