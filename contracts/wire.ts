// zod primitives for EVM values crossing a trust boundary as JSON, shared by every wire schema
// in contracts/ so the collector and the claim page parse them identically.
import { getAddress, isAddress, isHex, type Hex } from 'viem';
import { z } from 'zod';

/** Any-case 0x address, normalised to its EIP-55 checksum form. */
export const addressSchema = z
  .string()
  .refine((s) => isAddress(s, { strict: false }), 'not an address')
  .transform((s) => getAddress(s));

/** uint256 as a decimal string (JSON numbers cannot carry it), parsed to bigint. */
export const uintStringSchema = z
  .string()
  .regex(/^\d{1,78}$/, 'not a decimal uint')
  .transform((s) => BigInt(s))
  .refine((n) => n < 2n ** 256n, 'exceeds uint256');

/** 65-byte r‖s‖v ECDSA signature. */
export const ecdsaSignatureSchema = z
  .string()
  .refine((s): s is Hex => isHex(s) && s.length === 132, 'not a 65-byte hex signature');

export const chainIdSchema = z.number().int().positive();
