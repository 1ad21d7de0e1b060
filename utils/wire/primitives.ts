// Shared zod building blocks with explicit length bounds, so a hostile body
// can never make a validator or a decoder chew on megabytes of one field.
import { z } from 'zod';
import { base64ToBytes } from './encoding';

export const hex = (bytes: number) =>
  z.string().length(bytes * 2).regex(/^[0-9a-f]+$/, 'expected lowercase hex');

/** Padded base64 that decodes to exactly `bytes` bytes. */
export const b64Exact = (bytes: number) =>
  z
    .string()
    .length(Math.ceil(bytes / 3) * 4)
    .refine((s) => {
      try {
        return base64ToBytes(s).length === bytes;
      } catch {
        return false;
      }
    }, 'expected base64 of the right length');

export const b64Max = (maxChars: number) =>
  z
    .string()
    .min(4)
    .max(maxChars)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');

/**
 * Text of `min`..`max` UTF-16 units that is well-formed Unicode. A lone surrogate (half an emoji) cannot be
 * stored as UTF-8 without being altered, so it is refused rather than silently repaired: what is kept must be
 * exactly what the device signed and its user reviewed. The extension never sends one (its observer makes
 * page text well-formed and cuts on code points).
 */
export const wellFormedText = (max: number, min = 0) =>
  z.string().min(min).max(max).refine((s) => s.isWellFormed(), 'must be well-formed Unicode (no lone surrogates)');

export const uuid = z.uuid();
export const devicePub = hex(32);
export const ed25519Sig = hex(64);
/** Milliseconds since the epoch, between 2020 and 2100. */
export const timestampMs = z.number().int().min(1_577_836_800_000).max(4_102_444_800_000);
export const keyId = z.string().length(16).regex(/^[0-9a-f]+$/);
