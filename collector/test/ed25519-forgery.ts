// Signatures without a secret key: S = 0 and R, A small-order points (the eight torsion points and
// the six non-canonical encodings of some of them). A verifier without our strict rules accepts them
// whenever [S]B = R + [k]A happens to hold, which for A = R = identity is every message. Which ones
// count as forgeries is decided by OpenSSL as is (node:crypto, no pre-checks): what the collector
// ran before it refused such inputs.
import { createPublicKey, randomBytes, verify } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import nacl from 'tweetnacl';
import {
  bytesToBase64,
  canonicalBytes,
  DELETION_SIG_TAG,
  envelopeSigningBytes,
  utf8Encode,
  type BundleEnvelope,
  type DeletionRequest,
  type DeletionScope,
  WIRE_VERSION,
} from '../../utils/wire/index';
import { ISSUER_MODULUS_BITS, TOKEN_ISSUE_TAG, type TokenIssueRequest } from '../../utils/wire/reward-tokens';
import { makePlaintext } from '../../test/unit/wire/fixtures';

const P = (1n << 255n) - 19n;
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function encodeY(y: bigint, xSign: 0 | 1): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((y >> BigInt(8 * i)) & 0xffn);
  out[31]! |= xSign << 7;
  return out;
}

/** The canonical encodings of the eight points of order dividing 8, then six non-canonical ones. */
export function smallOrderEncodings(): Uint8Array[] {
  const order8 = ed25519.Point.fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a');
  const canonical: Uint8Array[] = [];
  for (let k = 0, p = ed25519.Point.ZERO; k < 8; k++, p = p.add(order8)) canonical.push(p.toBytes());
  // y + p for y = 0 and y = 1 (both x signs), and x = 0 with its sign bit set (y = 1 and y = -1).
  const nonCanonical = [encodeY(P, 0), encodeY(P, 1), encodeY(P + 1n, 0), encodeY(P + 1n, 1), encodeY(1n, 1), encodeY(P - 1n, 1)];
  return [...canonical, ...nonCanonical];
}

/** OpenSSL's verdict with no pre-checks. */
export function openSslAccepts(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}

export interface Forgery<T> {
  /** Lowercase hex, as the wire carries them. */
  devicePub: string;
  sig: string;
  /** What `build` made for this key, signed message included. */
  unsigned: T;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/**
 * For every small-order key encoding A, a signature (S = 0, R small-order) over the message `build(A)` signs
 * that plain OpenSSL accepts, when one exists (the key is passed as hex: signed messages name the device).
 */
export function forgeAll<T>(build: (devicePub: string) => { unsigned: T; message: Uint8Array }): Forgery<T>[] {
  const points = smallOrderEncodings();
  const withR = (r: Uint8Array) => new Uint8Array([...r, ...new Uint8Array(32)]);
  const forged: Forgery<T>[] = [];
  for (const a of points) {
    const { unsigned, message } = build(hex(a));
    const r = points.find((candidate) => openSslAccepts(withR(candidate), message, a));
    if (r) forged.push({ devicePub: hex(a), sig: hex(withR(r)), unsigned });
  }
  return forged;
}

/** Complete bundles (sealed to the collector, plaintext naming the forged key), each signed by a forgery. */
export function forgedEnvelopes(collector: { keyId: string; publicKey: Uint8Array }): BundleEnvelope[] {
  return forgeAll((devicePub) => {
    const plaintext = makePlaintext({ publicKey: devicePub, secretKey: new Uint8Array(32) });
    const ephemeral = nacl.box.keyPair();
    const nonce = nacl.randomBytes(nacl.box.nonceLength);
    const unsigned = {
      v: WIRE_VERSION,
      bundleId: plaintext.bundleId,
      devicePub,
      createdAt: plaintext.createdAt,
      collectorKeyId: collector.keyId,
      ephemeralPub: bytesToBase64(ephemeral.publicKey),
      nonce: bytesToBase64(nonce),
      ciphertext: bytesToBase64(nacl.box(utf8Encode(JSON.stringify(plaintext)), nonce, collector.publicKey, ephemeral.secretKey)),
    };
    return { unsigned, message: envelopeSigningBytes(unsigned) };
  }).map((f) => ({ ...f.unsigned, sig: f.sig }));
}

/** Deletion requests in the signed layout of utils/wire/deletion.ts, each signed by a forgery. */
export function forgedDeletions(scope: DeletionScope, ts: number): DeletionRequest[] {
  return forgeAll((devicePub) => {
    const unsigned = { v: 1 as const, devicePub, scope, ts, nonce: randomBytes(16).toString('hex') };
    return { unsigned, message: canonicalBytes(DELETION_SIG_TAG, unsigned) };
  }).map((f) => ({ ...f.unsigned, sig: f.sig }));
}

/** Token issuance requests in the signed layout of utils/wire/reward-tokens.ts, each signed by a forgery. */
export function forgedTokenIssueRequests(epoch: number, ts: number): TokenIssueRequest[] {
  const tokens = [{ denomination: 1, blinded: bytesToBase64(randomBytes(ISSUER_MODULUS_BITS / 8)) }];
  return forgeAll((devicePub) => {
    const unsigned = { v: 1 as const, devicePub, epoch, ts, tokens };
    return { unsigned, message: canonicalBytes(TOKEN_ISSUE_TAG, unsigned) };
  }).map((f) => ({ ...f.unsigned, sig: f.sig }));
}
