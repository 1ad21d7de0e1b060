// zod primitives for EVM values crossing a trust boundary as JSON, shared by every wire schema
// in contracts/ so the collector and the claim page parse them identically.
import { getAddress, isAddress, isHex, type Hex } from 'viem';
import { z } from 'zod';

/** Any-case 0x address on the wire, its EIP-55 checksum form in code. */
export const addressSchema = z.codec(
  z.string().refine((s) => isAddress(s, { strict: false }), 'not an address'),
  z.templateLiteral(['0x', z.string().regex(/^[0-9a-fA-F]{40}$/)]),
  { decode: (s) => getAddress(s), encode: (a) => a },
);

/** uint256 as a decimal string on the wire (JSON numbers cannot carry it), a bigint in code. */
export const uintStringSchema = z.codec(
  z.string().regex(/^\d{1,78}$/, 'not a decimal uint'),
  z.bigint().min(0n).max(2n ** 256n - 1n, 'exceeds uint256'),
  { decode: (s) => BigInt(s), encode: (n) => n.toString() },
);

/** 65-byte r‖s‖v ECDSA signature. */
export const ecdsaSignatureSchema = z
  .string()
  .refine((s): s is Hex => isHex(s) && s.length === 132, 'not a 65-byte hex signature');

export const chainIdSchema = z.number().int().positive();
