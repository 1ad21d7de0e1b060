// Blind reward tokens: RSA partially blind signatures (RSAPBSSA-SHA384-PSS-Randomized, the
// partially blind extension of RFC 9474, via @cloudflare/blindrsa-ts). The public metadata a token
// is signed under is its epoch and denomination, so one issuer key per epoch serves every
// denomination and a token cannot be re-labelled. The collector sees the blinded message when it
// signs and the unblinded token when it is redeemed, and cannot tell which is which.
// Runs in the extension (blinding), the claim page (nothing but transport) and the collector.
import { RSAPBSSA, type PartiallyBlindRSA } from '@cloudflare/blindrsa-ts';
import { z } from 'zod';
import { canonicalBytes, sha256Hex } from './canonical';
import { base64ToBytes, bytesToBase64, utf8Encode } from './encoding';
import { signBytes, verifyBytes } from './key-pairs';
import { verifyInclusion } from './merkle';
import { b64Max, devicePub, ed25519Sig, hex, keyId, timestampMs } from './primitives';

export const TOKEN_ISSUE_TAG = 'tributary/token-issue/v1';
export const ISSUER_KEY_TAG = 'tributary/issuer-key/v1';
export const ISSUER_LOG_ROOT_TAG = 'tributary/issuer-log-root/v1';

/** Largest denomination exponent: tokens are worth 2^0 … 2^10 reward units. */
export const MAX_DENOMINATION_EXPONENT = 10;
export const DENOMINATIONS: readonly number[] = Array.from({ length: MAX_DENOMINATION_EXPONENT + 1 }, (_, i) => 2 ** i);
/** Tokens one issuance request may ask for, and one redemption may spend. */
export const MAX_TOKENS_PER_REQUEST = 64;

export const tokenSuite = (): PartiallyBlindRSA => RSAPBSSA.SHA384.PSS.Randomized();
/** 2048-bit moduli: a blind signature and a blinded message are 256 bytes. */
export const ISSUER_MODULUS_BITS = 2048;
const SIG_BYTES = ISSUER_MODULUS_BITS / 8;
/** A prepared token message: 32 random bytes of the Randomized variant's prefix + 32 random bytes. */
const TOKEN_MSG_BYTES = 64;

export const denominationSchema = z
  .number()
  .int()
  .refine((d) => DENOMINATIONS.includes(d), 'denomination must be a power of two from 1 to 1024');
export const tokenEpochSchema = z.number().int().min(0).max(2 ** 40);
const b64Bytes = (bytes: number) => b64Max(Math.ceil(bytes / 3) * 4).refine((s) => safeLength(s) === bytes, `expected ${bytes} bytes of base64`);

function safeLength(b64: string): number {
  try {
    return base64ToBytes(b64).length;
  } catch {
    return -1;
  }
}

/** The public metadata a token is signed under: epoch ‖ denomination. */
export function tokenInfo(epoch: number, denomination: number): Uint8Array {
  return utf8Encode(`tributary/token/v1|epoch=${epoch}|denomination=${denomination}`);
}

/** Units as few tokens as possible: its binary digits, the largest denomination repeated above 2047. */
export function splitIntoDenominations(units: number): number[] {
  const out: number[] = [];
  const largest = DENOMINATIONS[DENOMINATIONS.length - 1]!;
  let rest = Math.max(0, Math.floor(units));
  while (rest >= largest * 2) {
    out.push(largest);
    rest -= largest;
  }
  for (let i = DENOMINATIONS.length - 1; i >= 0; i--) {
    if (rest >= DENOMINATIONS[i]!) {
      out.push(DENOMINATIONS[i]!);
      rest -= DENOMINATIONS[i]!;
    }
  }
  return out;
}

// ——— issuer keys and their log ———

/** One epoch's issuer key as it is logged: the key (SPKI, base64) and the period it signs for. */
export const issuerKeySchema = z.strictObject({
  epoch: tokenEpochSchema,
  publicKey: b64Max(600),
  startsAt: timestampMs,
  endsAt: timestampMs,
});
export type IssuerKey = z.infer<typeof issuerKeySchema>;

/** The log leaf of an issuer key: the hash of its canonical encoding. */
export const issuerKeyLeaf = (key: IssuerKey): string =>
  sha256Hex(canonicalBytes(ISSUER_KEY_TAG, { epoch: key.epoch, publicKey: key.publicKey, startsAt: key.startsAt, endsAt: key.endsAt }));

export const issuerLogRootSchema = z.strictObject({
  v: z.literal(1),
  size: z.number().int().min(1),
  root: hex(32),
  ts: timestampMs,
  collectorKeyId: keyId,
  sig: ed25519Sig,
});
export type IssuerLogRoot = z.infer<typeof issuerLogRootSchema>;

export function signIssuerLogRoot(root: Omit<IssuerLogRoot, 'v' | 'sig'>, receiptSecretKey: Uint8Array): IssuerLogRoot {
  const unsigned = { v: 1 as const, ...root };
  return { ...unsigned, sig: signBytes(canonicalBytes(ISSUER_LOG_ROOT_TAG, unsigned), receiptSecretKey) };
}

export function verifyIssuerLogRoot(root: IssuerLogRoot, receiptPub: string): boolean {
  const { sig, ...unsigned } = root;
  return verifyBytes(sig, canonicalBytes(ISSUER_LOG_ROOT_TAG, unsigned), receiptPub);
}

/** GET /v1/tokens/issuer: the current epoch's key, its place in the issuer-key log, and the log's signed root. */
export const issuerKeyProofSchema = z.strictObject({
  key: issuerKeySchema,
  leafIndex: z.number().int().min(0),
  path: z.array(hex(32)).max(64),
  root: issuerLogRootSchema,
});
export type IssuerKeyProof = z.infer<typeof issuerKeyProofSchema>;

/**
 * True iff the key is in the issuer-key log: the root is signed by the collector's receipt key and
 * the inclusion proof leads from the key's leaf to it. A device blinds to no other key.
 */
export function verifyIssuerKeyProof(proof: IssuerKeyProof, receiptPub: string): boolean {
  const parsed = issuerKeyProofSchema.safeParse(proof);
  if (!parsed.success || !verifyIssuerLogRoot(parsed.data.root, receiptPub)) return false;
  const { key, leafIndex, path, root } = parsed.data;
  return verifyInclusion(issuerKeyLeaf(key), { leafIndex, size: root.size, path }, root.root);
}

// ——— issuance (device-signed: the collector must know whose credit it spends) ———

export const blindedTokenSchema = z.strictObject({ denomination: denominationSchema, blinded: b64Bytes(SIG_BYTES) });
export type BlindedToken = z.infer<typeof blindedTokenSchema>;

export const tokenIssueRequestSchema = z.strictObject({
  v: z.literal(1),
  devicePub,
  epoch: tokenEpochSchema,
  ts: timestampMs,
  tokens: z.array(blindedTokenSchema).min(1).max(MAX_TOKENS_PER_REQUEST),
  sig: ed25519Sig,
});
export type TokenIssueRequest = z.infer<typeof tokenIssueRequestSchema>;

const issueBytes = (r: Omit<TokenIssueRequest, 'sig'>): Uint8Array =>
  canonicalBytes(TOKEN_ISSUE_TAG, { v: r.v, devicePub: r.devicePub, epoch: r.epoch, ts: r.ts, tokens: r.tokens.map((t) => ({ denomination: t.denomination, blinded: t.blinded })) });

export function signTokenIssueRequest(fields: Omit<TokenIssueRequest, 'sig' | 'v'>, deviceSecretKey: Uint8Array): TokenIssueRequest {
  const unsigned = { v: 1 as const, ...fields };
  return { ...unsigned, sig: signBytes(issueBytes(unsigned), deviceSecretKey) };
}

export function verifyTokenIssueRequest(req: TokenIssueRequest): boolean {
  const { sig, ...unsigned } = req;
  return verifyBytes(sig, issueBytes(unsigned), req.devicePub);
}

/** The identity of an issuance request: a repeat gets the same signatures and is not charged again. */
export const tokenIssueRequestHash = (req: TokenIssueRequest): string => sha256Hex(issueBytes(req));

export const tokenIssueResponseSchema = z.strictObject({
  epoch: tokenEpochSchema,
  blindSignatures: z.array(b64Bytes(SIG_BYTES)).min(1).max(MAX_TOKENS_PER_REQUEST),
  duplicate: z.boolean(),
});

// ——— tokens (what the device keeps and the claim page redeems: nothing names the device) ———

export const rewardTokenSchema = z.strictObject({
  epoch: tokenEpochSchema,
  denomination: denominationSchema,
  msg: b64Bytes(TOKEN_MSG_BYTES),
  sig: b64Bytes(SIG_BYTES),
});
export type RewardToken = z.infer<typeof rewardTokenSchema>;

export const tokenNullifierSchema = hex(32);

/** A token's nullifier: what the collector records when it is spent, so it is spent once. */
export const tokenNullifier = (token: Pick<RewardToken, 'msg'>): string => sha256Hex(base64ToBytes(token.msg));

// ——— the blind signature protocol ———

export function importIssuerPublicKey(spkiB64: string): Promise<CryptoKey> {
  // Extractable: the library reads the modulus back out of the key.
  return crypto.subtle.importKey('spki', new Uint8Array(base64ToBytes(spkiB64)), { name: 'RSA-PSS', hash: 'SHA-384' }, true, ['verify']);
}

/** A token waiting for its blind signature: the blinded message goes to the collector, the rest stays. */
export interface PendingToken {
  epoch: number;
  denomination: number;
  msg: string;
  blinded: string;
  inv: string;
}

export async function blindToken(publicKey: CryptoKey, epoch: number, denomination: number): Promise<PendingToken> {
  const suite = tokenSuite();
  const msg = suite.prepare(crypto.getRandomValues(new Uint8Array(TOKEN_MSG_BYTES / 2)));
  const { blindedMsg, inv } = await suite.blind(publicKey, msg, tokenInfo(epoch, denomination));
  return { epoch, denomination, msg: bytesToBase64(msg), blinded: bytesToBase64(blindedMsg), inv: bytesToBase64(inv) };
}

const bigFromBytes = (bytes: Uint8Array): bigint => (bytes.length === 0 ? 0n : BigInt(`0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`));

function bytesFromBig(n: bigint, length: number): Uint8Array {
  const hexText = n.toString(16).padStart(length * 2, '0');
  if (hexText.length > length * 2) throw new RangeError('integer too large');
  return Uint8Array.from({ length }, (_, i) => parseInt(hexText.slice(i * 2, i * 2 + 2), 16));
}

const b64urlToBytes = (s: string): Uint8Array => base64ToBytes(s.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.length / 4) * 4, '='));

/**
 * Removes the blinding: sig = blindSig · inv mod n (RFC 9474 Finalize, step 3). The library's
 * finalize also verifies the result, but browsers' WebCrypto refuses the derived public exponent
 * partially blind verification needs, so the extension unblinds here and the collector verifies
 * every token when it is redeemed (`verifyToken`).
 */
export async function unblindToken(publicKey: CryptoKey, pending: PendingToken, blindSignature: string): Promise<RewardToken> {
  const jwk = await crypto.subtle.exportKey('jwk', publicKey);
  if (!jwk.n) throw new Error('issuer key has no modulus');
  const n = bigFromBytes(b64urlToBytes(jwk.n));
  const z = bigFromBytes(base64ToBytes(blindSignature));
  const inv = bigFromBytes(base64ToBytes(pending.inv));
  if (z >= n) throw new Error('blind signature out of range');
  const sig = bytesFromBig((z * inv) % n, SIG_BYTES);
  return { epoch: pending.epoch, denomination: pending.denomination, msg: pending.msg, sig: bytesToBase64(sig) };
}

/** Verifies a token against its epoch's issuer key (Node: WebCrypto there accepts the derived exponent). */
export async function verifyToken(publicKey: CryptoKey, token: RewardToken): Promise<boolean> {
  try {
    return await tokenSuite().verify(publicKey, base64ToBytes(token.sig), base64ToBytes(token.msg), tokenInfo(token.epoch, token.denomination));
  } catch {
    return false;
  }
}
