// node:crypto and Buffer behind utils/wire's WireCrypto binding: OpenSSL's sha256 and Ed25519 (sign, verify)
// and Node's native base64 instead of their pure-JS twins, which were most of the CPU an
// ingest spent before decrypting. Same answers as the portable ones (collector/test/
// node-wire-crypto.test.ts compares them); the extension keeps the portable ones.
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { installWireCrypto, type WireCrypto } from '../../../utils/wire/crypto-backend';
import { ed25519InputsAcceptable } from '../../../utils/wire/ed25519-strict';

/** DER SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410); the 32 raw key bytes follow. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** DER PKCS#8 header of an Ed25519 private key (RFC 8410); the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export const nodeWireCrypto: WireCrypto = {
  sha256: (data) => asBytes(createHash('sha256').update(data).digest()),
  ed25519Sign(message, seed) {
    if (seed.length !== 32) throw new TypeError('Ed25519 seed must be 32 bytes');
    const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    return asBytes(sign(null, message, key));
  },
  ed25519Verify(signature, message, publicKey) {
    // OpenSSL alone accepts small-order and non-canonical keys (a forgery under a key nobody holds).
    // Its equation is cofactorless, so with the key checked, a valid R is in the prime-order subgroup.
    if (!ed25519InputsAcceptable(signature, publicKey)) return false;
    try {
      const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
      return verify(null, message, key, signature);
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
};

/** Makes every utils/wire call in this process use node:crypto; the collector calls it at startup. */
export function installNodeWireCrypto(): void {
  installWireCrypto(nodeWireCrypto);
}
