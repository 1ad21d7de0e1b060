// The text a wallet signs (personal_sign) to link itself to a Tributary device. The claim page
// builds it and the collector rebuilds it from the parsed fields: a message is accepted only if
// it is byte-for-byte what `buildLinkMessage` makes, so no field can be smuggled in.
// Format: EIP-4361 (Sign-In with Ethereum), so wallets render it as a sign-in request.
import type { Address } from 'viem';
import { createSiweMessage, parseSiweMessage } from 'viem/siwe';
import { z } from 'zod';
import { walletLinkNonce } from '../utils/wire/wallet-link-nonce';
import { addressSchema, chainIdSchema } from './wire';

/** How long a signed link message stays acceptable. */
export const LINK_MESSAGE_TTL_MS = 10 * 60 * 1000;

/** Ed25519 public key of the device, 32 bytes as lowercase hex without 0x. */
export const devicePubSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'device public key must be 32-byte hex')
  .transform((s) => s.toLowerCase());

/** The nonce the collector issued for this link, the same shape the device signs. */
export const linkNonceSchema = walletLinkNonce;

export interface LinkMessageFields {
  /** Collector origin, e.g. "https://collector.tributary.example" or "http://127.0.0.1:8787". */
  origin: string;
  wallet: Address;
  chainId: number;
  devicePub: string;
  nonce: string;
  issuedAt: Date;
}

const statementFor = (devicePub: string): string =>
  `Link this wallet to Tributary device ${devicePub} so that device's rewards can be claimed by this wallet.`;
const STATEMENT_PATTERN = /^Link this wallet to Tributary device ([0-9a-f]{64}) so that device's rewards can be claimed by this wallet\.$/;

function originParts(origin: string): { scheme: string; domain: string; uri: string } {
  const url = new URL(origin);
  if (url.origin !== origin) throw new Error(`not a bare origin: ${origin}`);
  return { scheme: url.protocol.slice(0, -1), domain: url.host, uri: url.origin };
}

export function buildLinkMessage(fields: LinkMessageFields): string {
  const { scheme, domain, uri } = originParts(fields.origin);
  return createSiweMessage({
    scheme,
    domain,
    uri,
    address: fields.wallet,
    chainId: fields.chainId,
    nonce: linkNonceSchema.parse(fields.nonce),
    statement: statementFor(devicePubSchema.parse(fields.devicePub)),
    version: '1',
    issuedAt: fields.issuedAt,
    expirationTime: new Date(fields.issuedAt.getTime() + LINK_MESSAGE_TTL_MS),
  });
}

const parsedSchema = z.object({
  scheme: z.string(),
  domain: z.string(),
  address: addressSchema,
  chainId: chainIdSchema,
  nonce: linkNonceSchema,
  statement: z.string().regex(STATEMENT_PATTERN),
  issuedAt: z.date().refine((d) => !Number.isNaN(d.getTime()), 'invalid issuedAt'),
});

/**
 * Recovers the fields of a link message, or null if the text is not exactly what
 * `buildLinkMessage` would produce for them. Callers still must check origin, chain id, nonce,
 * freshness (`isLinkMessageFresh`) and the wallet's signature (viem `verifyMessage`).
 */
export function parseLinkMessage(message: string): LinkMessageFields | null {
  const parsed = parsedSchema.safeParse(parseSiweMessage(message));
  if (!parsed.success) return null;
  const { scheme, domain, address, chainId, nonce, statement, issuedAt } = parsed.data;
  const devicePub = STATEMENT_PATTERN.exec(statement)?.[1];
  if (!devicePub) return null;
  let fields: LinkMessageFields;
  try {
    fields = { origin: new URL(`${scheme}://${domain}`).origin, wallet: address, chainId, devicePub, nonce, issuedAt };
    return buildLinkMessage(fields) === message ? fields : null;
  } catch {
    return null;
  }
}

/** True while `now` lies in [issuedAt, issuedAt + TTL), allowing `skewMs` of clock drift. */
export function isLinkMessageFresh(fields: LinkMessageFields, now: Date, skewMs = 60_000): boolean {
  const issued = fields.issuedAt.getTime();
  return now.getTime() >= issued - skewMs && now.getTime() < issued + LINK_MESSAGE_TTL_MS;
}
