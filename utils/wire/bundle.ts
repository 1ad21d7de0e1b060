// Bundle envelope: sealed to the collector's X25519 key with a fresh ephemeral
// key, signed by the device's Ed25519 key over everything but the raw
// ciphertext (its sha256 stands in), so the collector can authenticate before
// it decrypts anything.
import nacl from 'tweetnacl';
import { z } from 'zod';
import { canonicalBytes, sha256Hex } from './canonical';
import { wireCrypto } from './crypto-backend';
import { base64ToBytes, bytesToBase64, utf8Decode, utf8Encode } from './encoding';
import { describeZodError, WireError } from './errors';
import { devicePubFromSecret, signBytes, verifyBytes } from './key-pairs';
import { b64Exact, b64Max, devicePub, ed25519Sig, keyId, timestampMs, uuid } from './primitives';
import { signalSchema } from './signal';

export const BUNDLE_SIG_TAG = 'tributary/bundle/v1';
export const MAX_SIGNALS_PER_BUNDLE = 100;
/** Upper bound on the base64 ciphertext; the collector's body limit sits just above it. */
export const MAX_CIPHERTEXT_B64_CHARS = 8 * 1024 * 1024;

/** Wire format version, in the envelope (signed) and the plaintext. 2: embeddings are binary (vector-codec.ts). */
export const WIRE_VERSION = 2 as const;

export const bundlePlaintextSchema = z
  .strictObject({
    v: z.literal(WIRE_VERSION),
    bundleId: uuid,
    devicePub,
    createdAt: timestampMs,
    signals: z.array(signalSchema).min(1).max(MAX_SIGNALS_PER_BUNDLE),
  })
  .refine((b) => new Set(b.signals.map((s) => s.id)).size === b.signals.length, 'duplicate signal id in bundle');

export type BundlePlaintext = z.infer<typeof bundlePlaintextSchema>;

export const bundleEnvelopeSchema = z.strictObject({
  v: z.literal(WIRE_VERSION),
  bundleId: uuid,
  devicePub,
  createdAt: timestampMs,
  collectorKeyId: keyId,
  ephemeralPub: b64Exact(nacl.box.publicKeyLength),
  nonce: b64Exact(nacl.box.nonceLength),
  ciphertext: b64Max(MAX_CIPHERTEXT_B64_CHARS),
  sig: ed25519Sig,
});

export type BundleEnvelope = z.infer<typeof bundleEnvelopeSchema>;

export interface CollectorEncryptionKey {
  collectorPub: Uint8Array;
  collectorKeyId: string;
}

export const BUNDLE_DIGEST_TAG = 'tributary/bundle-digest/v1';

// sha256 of the ciphertext per envelope object, so signing, verifying and
// digesting the same (frozen) envelope hash its megabytes only once.
const ciphertextHashes = new WeakMap<object, string>();

/** hex sha256 over the UTF-8 bytes of the base64 ciphertext string (strict base64 makes that a bijection with the raw bytes). */
function ciphertextSha256(env: Pick<BundleEnvelope, 'ciphertext'>): string {
  // Only frozen objects are memoised: a mutable one could change under the memo.
  if (!Object.isFrozen(env)) return sha256Hex(utf8Encode(env.ciphertext));
  let h = ciphertextHashes.get(env);
  if (h === undefined) ciphertextHashes.set(env, (h = sha256Hex(utf8Encode(env.ciphertext))));
  return h;
}

function signedFields(env: Omit<BundleEnvelope, 'sig'>) {
  return {
    v: env.v,
    bundleId: env.bundleId,
    devicePub: env.devicePub,
    createdAt: env.createdAt,
    collectorKeyId: env.collectorKeyId,
    ephemeralPub: env.ephemeralPub,
    nonce: env.nonce,
    ciphertextSha256: ciphertextSha256(env),
  };
}

export function envelopeSigningBytes(env: Omit<BundleEnvelope, 'sig'>): Uint8Array {
  return canonicalBytes(BUNDLE_SIG_TAG, signedFields(env));
}

/** Identifies one exact envelope (every field, signature included): "same bundleId, same envelope?" */
export function envelopeDigest(env: BundleEnvelope): string {
  return sha256Hex(canonicalBytes(BUNDLE_DIGEST_TAG, { ...signedFields(env), sig: env.sig }));
}

export function sealBundle(
  plaintext: BundlePlaintext,
  { collectorPub, collectorKeyId }: CollectorEncryptionKey,
  deviceSecretKey: Uint8Array,
): BundleEnvelope {
  const parsed = bundlePlaintextSchema.safeParse(plaintext);
  if (!parsed.success) throw new WireError('invalid_plaintext', describeZodError(parsed.error));
  if (devicePubFromSecret(deviceSecretKey) !== plaintext.devicePub) {
    throw new WireError('envelope_mismatch', 'plaintext devicePub is not the signing key');
  }
  const ephemeral = nacl.box.keyPair();
  const nonce = nacl.randomBytes(nacl.box.nonceLength);
  const boxed = nacl.box(utf8Encode(JSON.stringify(parsed.data)), nonce, collectorPub, ephemeral.secretKey);
  ephemeral.secretKey.fill(0);
  const unsigned = {
    v: WIRE_VERSION,
    bundleId: plaintext.bundleId,
    devicePub: plaintext.devicePub,
    createdAt: plaintext.createdAt,
    collectorKeyId,
    ephemeralPub: bytesToBase64(ephemeral.publicKey),
    nonce: bytesToBase64(nonce),
    ciphertext: bytesToBase64(boxed),
  };
  return { ...unsigned, sig: signBytes(envelopeSigningBytes(unsigned), deviceSecretKey) };
}

// Envelopes that passed authenticateEnvelope. They are frozen, so membership
// here means "these exact bytes were verified" and openEnvelope can skip a
// second (costly: sha256 over the whole ciphertext) verification.
const authenticated = new WeakSet<object>();

/**
 * Parses and verifies the signature; returns a frozen copy that openEnvelope
 * accepts without verifying again. Throws WireError ('invalid_envelope' | 'bad_signature').
 */
export function authenticateEnvelope(env: unknown): Readonly<BundleEnvelope> {
  if (typeof env === 'object' && env !== null && authenticated.has(env)) return env as BundleEnvelope;
  const parsed = bundleEnvelopeSchema.safeParse(env);
  if (!parsed.success) throw new WireError('invalid_envelope', describeZodError(parsed.error));
  return authenticateParsedEnvelope(parsed.data);
}

/**
 * authenticateEnvelope for an envelope already parsed with bundleEnvelopeSchema (the collector's
 * route parses it on arrival): parsing a ciphertext of megabytes twice is not free.
 */
export function authenticateParsedEnvelope(env: BundleEnvelope): Readonly<BundleEnvelope> {
  const frozen = Object.freeze(env);
  if (!verifyBytes(frozen.sig, envelopeSigningBytes(frozen), frozen.devicePub)) {
    throw new WireError('bad_signature', 'envelope signature does not verify');
  }
  authenticated.add(frozen);
  return frozen;
}

/** True iff `env` is well-formed and signed by its own devicePub. Never throws. */
export function verifyEnvelope(env: unknown): env is BundleEnvelope {
  try {
    authenticateEnvelope(env);
    return true;
  } catch {
    return false;
  }
}

/** nacl.box's "expand 32-byte k" constant, the HSalsa20 input of crypto_box_beforenm. */
const SALSA_SIGMA = new Uint8Array([101, 120, 112, 97, 110, 100, 32, 51, 50, 45, 98, 121, 116, 101, 32, 107]);
const lowlevel = (nacl as unknown as { lowlevel: { crypto_core_hsalsa20(out: Uint8Array, inp: Uint8Array, k: Uint8Array, c: Uint8Array): number } }).lowlevel;

/**
 * nacl.box.open with its key agreement split out: X25519 through the crypto binding (native in the
 * collector), then crypto_box_beforenm's HSalsa20 and XSalsa20-Poly1305 in tweetnacl. Refuses an
 * ephemeral key of small order (an all-zero shared secret), which nacl.box.open alone would accept.
 */
export function boxOpen(ciphertext: Uint8Array, nonce: Uint8Array, ephemeralPub: Uint8Array, secretKey: Uint8Array): Uint8Array | null {
  if (ephemeralPub.length !== nacl.box.publicKeyLength || secretKey.length !== nacl.box.secretKeyLength) return null;
  const shared = wireCrypto().x25519(secretKey, ephemeralPub);
  if (!shared) return null;
  const key = new Uint8Array(nacl.box.sharedKeyLength);
  lowlevel.crypto_core_hsalsa20(key, new Uint8Array(16), shared, SALSA_SIGMA);
  shared.fill(0);
  const opened = nacl.box.open.after(ciphertext, nonce, key);
  key.fill(0);
  return opened;
}

/**
 * Verifies (unless `env` came from authenticateEnvelope), decrypts and validates. The caller picks `collectorSecretKey` by
 * `env.collectorKeyId`. Throws WireError with a stable code on any failure.
 */
export function openEnvelope(env: unknown, collectorSecretKey: Uint8Array): BundlePlaintext {
  const e = authenticateEnvelope(env);
  let opened: Uint8Array | null;
  try {
    opened = boxOpen(base64ToBytes(e.ciphertext), base64ToBytes(e.nonce), base64ToBytes(e.ephemeralPub), collectorSecretKey);
  } catch {
    opened = null;
  }
  if (!opened) throw new WireError('decrypt_failed', 'ciphertext does not open with this collector key');
  let json: unknown;
  try {
    json = JSON.parse(utf8Decode(opened));
  } catch {
    throw new WireError('invalid_plaintext', 'plaintext is not UTF-8 JSON');
  }
  const plain = bundlePlaintextSchema.safeParse(json);
  if (!plain.success) throw new WireError('invalid_plaintext', describeZodError(plain.error));
  if (plain.data.bundleId !== e.bundleId || plain.data.devicePub !== e.devicePub || plain.data.createdAt !== e.createdAt) {
    throw new WireError('envelope_mismatch', 'plaintext bundleId/devicePub/createdAt differ from the envelope');
  }
  return plain.data;
}
