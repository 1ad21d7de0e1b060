// The collector's native primitives must answer exactly as the portable ones the extension runs:
// same bytes for every input, same accept/reject for every signature and base64 string.
import { randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, generateDeviceKeyPair, generateEncryptionKeyPair, hexToBytes, portableWireCrypto, signBytes, type WireCrypto } from '../../utils/wire/index';
import { nodeWireCrypto } from '../src/crypto/node-wire-crypto';

const bytes = (n: number) => new Uint8Array(randomBytes(n));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function outcome(impl: WireCrypto, b64: string): string {
  try {
    return `ok:${hex(impl.base64ToBytes(b64))}`;
  } catch {
    return 'throws';
  }
}

/** Strings near valid base64: one character swapped for a tricky one, padding dropped or added, spare bits set. */
function mutations(b64: string): string[] {
  const tricky = ['-', '_', ' ', '\n', '=', 'A', '/', '+', 'é', '\u0000', '*'];
  const out = [b64.slice(0, -1), `${b64}=`, `${b64}A`, b64.replace(/=+$/, ''), ` ${b64}`];
  for (let k = 0; k < 6 && b64.length > 0; k++) {
    const i = randomInt(b64.length);
    out.push(b64.slice(0, i) + tricky[randomInt(tricky.length)] + b64.slice(i + 1));
  }
  // Last data character changed: for padded strings this sets spare bits (non-canonical).
  const lastData = b64.replace(/=+$/, '').length - 1;
  if (lastData >= 0) {
    for (const ch of ['B', 'f', '/']) out.push(b64.slice(0, lastData) + ch + b64.slice(lastData + 1));
  }
  return out;
}

describe('node:crypto primitives vs the portable ones', () => {
  it('sha256 gives the same digest for random inputs of every length', () => {
    for (let i = 0; i < 300; i++) {
      const data = bytes(i < 100 ? i : randomInt(100, 300_000));
      expect(hex(nodeWireCrypto.sha256(data))).toBe(hex(portableWireCrypto.sha256(data)));
    }
  });

  it('base64 decodes random valid strings to the same bytes and rejects exactly the same near-misses', () => {
    let rejected = 0;
    for (let i = 0; i < 300; i++) {
      const b64 = bytesToBase64(bytes(randomInt(0, 200)));
      expect(outcome(nodeWireCrypto, b64)).toBe(outcome(portableWireCrypto, b64));
      expect(outcome(nodeWireCrypto, b64)).not.toBe('throws');
      for (const m of mutations(b64)) {
        const expected = outcome(portableWireCrypto, m);
        expect(outcome(nodeWireCrypto, m), JSON.stringify(m)).toBe(expected);
        if (expected === 'throws') rejected++;
      }
    }
    // The mutations must actually exercise rejection, or the comparison above proves little.
    expect(rejected).toBeGreaterThan(1000);
  });

  it('Ed25519 signs random messages with random seeds to the same bytes', () => {
    for (let i = 0; i < 100; i++) {
      const seed = bytes(32);
      const msg = bytes(randomInt(0, 5000));
      expect(hex(nodeWireCrypto.ed25519Sign(msg, seed))).toBe(hex(portableWireCrypto.ed25519Sign(msg, seed)));
    }
  });

  it('Ed25519 verify accepts and rejects the same signatures', () => {
    const L = (1n << 252n) + 27742317777372353535851937790883648493n;
    let accepted = 0;
    for (let i = 0; i < 100; i++) {
      const device = generateDeviceKeyPair();
      const pub = hexToBytes(device.publicKey);
      const msg = bytes(randomInt(0, 2000));
      const sig = hexToBytes(signBytes(msg, device.secretKey));
      const flip = (b: Uint8Array) => {
        const c = b.slice();
        c[randomInt(c.length)]! ^= 1 << randomInt(8);
        return c;
      };
      // S + L: the same signature with a non-canonical scalar, which RFC 8032 rejects.
      const s = BigInt(`0x${hex(sig.slice(32).reverse())}`) + L;
      const sPlusL = new Uint8Array([...sig.slice(0, 32), ...hexToBytes(s.toString(16).padStart(64, '0')).reverse()]);
      const cases: [Uint8Array, Uint8Array, Uint8Array][] = [
        [sig, msg, pub],
        [flip(sig), msg, pub],
        [sig, msg.length ? flip(msg) : bytes(1), pub],
        [sig, msg, flip(pub)],
        [bytes(64), msg, pub],
        [sPlusL, msg, pub],
        [sig.slice(0, 63), msg, pub],
        [sig, msg, pub.slice(0, 31)],
        [sig, msg, bytes(32)],
      ];
      for (const [g, m, p] of cases) {
        const expected = portableWireCrypto.ed25519Verify(g, m, p);
        expect(nodeWireCrypto.ed25519Verify(g, m, p)).toBe(expected);
        if (expected) accepted++;
      }
    }
    expect(accepted).toBe(100);
  });

  it('X25519 agrees on random keys, twist points and non-canonical encodings', () => {
    const p = (1n << 255n) - 19n;
    const le = (n: bigint) => hexToBytes(n.toString(16).padStart(64, '0')).reverse();
    for (let i = 0; i < 100; i++) {
      const secret = generateEncryptionKeyPair().secretKey;
      // An honest key, 32 random bytes (half are on the twist), and a u ≥ p (to be taken mod p).
      const publics = [generateEncryptionKeyPair().publicKey, bytes(32), le(p + BigInt(randomInt(2, 18)))];
      for (const pub of publics) {
        const expected = portableWireCrypto.x25519(secret, pub);
        expect(expected).not.toBeNull();
        expect(hex(nodeWireCrypto.x25519(secret, pub)!)).toBe(hex(expected!));
      }
    }
  });

  it('X25519 answers null for every public key of small order, on both backends', () => {
    const p = (1n << 255n) - 19n;
    const le = (n: bigint) => hexToBytes(n.toString(16).padStart(64, '0')).reverse();
    // The small-order points of Curve25519 (0, 1 and the two of order 8), also written as u + p and with the ignored top bit set.
    const points = [
      0n,
      1n,
      0x00b8495f16056286fdb1329ceb8d09da6ac49ff1fae35616aeb8413b7c7aebe0n,
      0x57119fd0dd4e22d8868e1c58c45c44045bef839c55b1d0b1248c50a3bc959c5fn,
    ];
    const encodings = points.flatMap((u) => [le(u), ...(u + p < 1n << 255n ? [le(u + p)] : [])]).flatMap((b) => {
      const top = b.slice();
      top[31]! |= 0x80;
      return [b, top];
    });
    expect(encodings.length).toBeGreaterThanOrEqual(12);
    for (let i = 0; i < 5; i++) {
      const secret = generateEncryptionKeyPair().secretKey;
      for (const pub of encodings) {
        expect(portableWireCrypto.x25519(secret, pub), hex(pub)).toBeNull();
        expect(nodeWireCrypto.x25519(secret, pub), hex(pub)).toBeNull();
      }
    }
  });
});
