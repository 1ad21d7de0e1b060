// A community's card, served by its collector at /.well-known/tributary-community.json: where the
// collector is, the keys it seals to and signs with, the chain where its rules are decided, what it
// calls itself. Signed by the receipt key it names, so a copy passed around cannot be altered, and
// read by the extension before it holds any permission for the collector's origin.
import { z } from 'zod';
import { addressSchema, chainIdSchema } from '../../contracts/wire';
import { canonicalBytes } from '../wire/canonical';
import { base64ToBytes, hexToBytes } from '../wire/encoding';
import { keyIdOf, signBytes, verifyBytes } from '../wire/key-pairs';
import { b64Exact, ed25519Sig, hex, keyId, wellFormedText } from '../wire/primitives';
import { defineRoute } from './route';

export const COMMUNITY_DESCRIPTOR_TAG = 'tributary/community-descriptor/v1';
export const COMMUNITY_DESCRIPTOR_PATH = '/.well-known/tributary-community.json';

/** An http(s) origin with nothing after it: the collector is its origin. */
export const collectorOriginSchema = z
  .string()
  .max(300)
  .refine((s) => URL.canParse(s) && new URL(s).origin === s && /^https?:$/.test(new URL(s).protocol), 'expected an http(s) origin');

const unsignedDescriptorSchema = z.strictObject({
  v: z.literal(1),
  /** The collector's origin: the only host a member's extension sends to. */
  url: collectorOriginSchema,
  name: wellFormedText(80, 1),
  description: wellFormedText(1000),
  keys: z.strictObject({
    /** The current encryption key bundles are sealed to (later rotations are read from GET /v1/keys). */
    encryption: z.strictObject({ keyId, publicKey: b64Exact(32) }),
    /** Signs receipts, log roots and this descriptor; pinned by the extension when it joins. */
    receipt: z.strictObject({ keyId, publicKey: hex(32) }),
  }),
  /** Where the community's rules are decided; null for a collector without a chain. */
  chain: z
    .strictObject({
      chainId: chainIdSchema,
      token: addressSchema,
      governor: addressSchema.nullable(),
      policy: addressSchema.nullable(),
    })
    .nullable(),
});
export type UnsignedCommunityDescriptor = z.output<typeof unsignedDescriptorSchema>;

export const communityDescriptorSchema = unsignedDescriptorSchema.extend({ sig: ed25519Sig });
export type CommunityDescriptor = z.output<typeof communityDescriptorSchema>;

export const communityDescriptorRoute = defineRoute({
  method: 'GET',
  url: COMMUNITY_DESCRIPTOR_PATH,
  schema: { summary: 'This collector’s community: its URL, keys, chain and contracts, name and description, signed by its receipt key', response: { 200: communityDescriptorSchema } },
});

/** The signed bytes: the descriptor in its wire form (checksummed addresses), without `sig`. */
function signedBytes(unsigned: UnsignedCommunityDescriptor): Uint8Array {
  return canonicalBytes(COMMUNITY_DESCRIPTOR_TAG, z.encode(unsignedDescriptorSchema, unsigned));
}

export function signCommunityDescriptor(unsigned: UnsignedCommunityDescriptor, receiptSecretKey: Uint8Array): CommunityDescriptor {
  return { ...unsigned, sig: signBytes(signedBytes(unsigned), receiptSecretKey) };
}

export type DescriptorRefusal = 'malformed' | 'bad_key_id' | 'bad_signature' | 'wrong_origin';

/**
 * Checks a descriptor fetched from `fetchedFrom`: its shape, that its key ids name its keys, that the
 * receipt key it names signed it, and that it describes the collector it was fetched from (a
 * descriptor copied to another host would send contributions elsewhere than the user chose).
 */
export function verifyCommunityDescriptor(
  raw: unknown,
  fetchedFrom: string,
): { ok: true; descriptor: CommunityDescriptor } | { ok: false; reason: DescriptorRefusal } {
  const parsed = communityDescriptorSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const { sig, ...unsigned } = parsed.data;
  const { encryption, receipt } = unsigned.keys;
  if (keyIdOf(base64ToBytes(encryption.publicKey)) !== encryption.keyId || keyIdOf(hexToBytes(receipt.publicKey)) !== receipt.keyId) {
    return { ok: false, reason: 'bad_key_id' };
  }
  if (!verifyBytes(sig, signedBytes(unsigned), receipt.publicKey)) return { ok: false, reason: 'bad_signature' };
  if (new URL(fetchedFrom).origin !== unsigned.url) return { ok: false, reason: 'wrong_origin' };
  return { ok: true, descriptor: parsed.data };
}

/**
 * Where a community's descriptor is, from what a user pasted: the collector's address (any path on
 * it) or the descriptor's own URL. null for anything that is not an http(s) URL.
 */
export function descriptorUrlOf(pasted: string): string | null {
  const text = pasted.trim();
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  if (!/^https?:$/.test(url.protocol) || url.username || url.password) return null;
  return new URL(COMMUNITY_DESCRIPTOR_PATH, url.origin).href;
}
