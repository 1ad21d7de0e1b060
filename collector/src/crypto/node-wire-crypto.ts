// node:crypto and Buffer behind utils/wire's WireCrypto binding: OpenSSL's sha256, Ed25519 (sign, verify)
// and X25519, and Node's native base64 instead of their pure-JS twins, which were most of the CPU an
// ingest spent before decrypting. Same answers as the portable ones (collector/test/
// node-wire-crypto.test.ts compares them); the extension keeps the portable ones.
import { createHash, createPrivateKey, createPublicKey, diffieHellman, sign, verify, type KeyObject } from 'node:crypto';
import { installWireCrypto, type WireCrypto } from '../../../utils/wire/crypto-backend';
import { ed25519InputsAcceptable } from '../../../utils/wire/ed25519-strict';

/** DER PKCS#8 headers of Ed25519 and X25519 private keys (RFC 8410); the 32 secret bytes follow. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

/** The collector's own few secret keys, made KeyObjects once: OpenSSL's DER decoding costs more than a signature. */
const PRIVATE_KEY_CACHE_LIMIT = 16;
const privateKeys = new Map<string, KeyObject>();

function privateKey(prefix: Buffer, secret: Uint8Array): KeyObject {
  // Named by a hash, so the cache's keys are no copy of the secret.
  const id = createHash('sha256').update(prefix).update(secret).digest('base64');
  let key = privateKeys.get(id);
  if (!key) {
    const der = Buffer.concat([prefix, secret]);
    key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    der.fill(0);
    if (privateKeys.size >= PRIVATE_KEY_CACHE_LIMIT) privateKeys.delete(privateKeys.keys().next().value!);
    privateKeys.set(id, key);
  }
  return key;
}

/** Public keys arrive with every request: imported as JWK, which OpenSSL takes ~10× faster than DER. */
const publicKey = (crv: 'Ed25519' | 'X25519', raw: Uint8Array): KeyObject =>
  createPublicKey({ key: { kty: 'OKP', crv, x: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64url') }, format: 'jwk' });

const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export const nodeWireCrypto: WireCrypto = {
  sha256: (data) => asBytes(createHash('sha256').update(data).digest()),
  ed25519Sign(message, seed) {
    if (seed.length !== 32) throw new TypeError('Ed25519 seed must be 32 bytes');
    return asBytes(sign(null, message, privateKey(ED25519_PKCS8_PREFIX, seed)));
  },
  ed25519Verify(signature, message, pub) {
    // OpenSSL alone accepts small-order and non-canonical keys (a forgery under a key nobody holds).
    // Its equation is cofactorless, so with the key checked, a valid R is in the prime-order subgroup.
    if (!ed25519InputsAcceptable(signature, pub)) return false;
    try {
      return verify(null, message, publicKey('Ed25519', pub), signature);
    } catch {
      return false;
    }
  },
  base64ToBytes(b64) {
    // Buffer's decoder is lenient (skips bad characters, accepts base64url, missing padding and
    // non-zero spare bits); requiring the canonical re-encoding to be the input restores strictness.
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.toString('base64') !== b64) throw new TypeError('invalid or non-canonical base64');
    return asBytes(bytes);
  },
  x25519(secretKey, pub) {
    if (secretKey.length !== 32 || pub.length !== 32) throw new TypeError('X25519 keys must be 32 bytes');
    try {
      // OpenSSL refuses an all-zero result (a small-order public key): the portable path answers null for it too.
      return asBytes(diffieHellman({ privateKey: privateKey(X25519_PKCS8_PREFIX, secretKey), publicKey: publicKey('X25519', pub) }));
    } catch {
      return null;
    }
  },
};

/** Makes every utils/wire call in this process use node:crypto; the collector calls it at startup. */
export function installNodeWireCrypto(): void {
  installWireCrypto(nodeWireCrypto);
}
