// The Ed25519 inputs every signature check of ours refuses before any verification equation runs.
// Implementations disagree on edge cases ("Taming the many EdDSAs", Chalkias, Garillot and Nikolaenko, 2020):
// OpenSSL accepts small-order public keys, so a signature with S = 0 and R = A = a small-order point
// "verifies" for any message under a key nobody holds. Refusing these inputs up front, the same way
// for every backend, makes the verdict independent of the library underneath:
// - S must be reduced (S < L);
// - A and R must be canonical encodings (y < p; no sign bit on x = 0);
// - A and R must not be of small order (the eight torsion points, identity included);
// - A must lie in the prime-order subgroup: with such an A, R + [k]A = [S]B forces R into it too, so
//   the cofactored (noble) and cofactorless (OpenSSL) equations agree on every input.
// Honest keys and signatures (A = [a]B, R = [r]B) pass all of these.
import { ed25519 } from '@noble/curves/ed25519.js';

/** The order of the prime-order subgroup, and the field prime. */
const L = (1n << 252n) + 27742317777372353535851937790883648493n;
const P = (1n << 255n) - 19n;

/**
 * The y coordinates of the eight points of order dividing 8: 1 (identity), −1 (order 2), 0 (order 4), ±y₈ (order 8).
 * Every encoding with one of these y, whatever its sign bit, is a small-order point or a non-canonical
 * encoding of one (x = 0 with the sign bit set).
 */
const SMALL_ORDER_Y = (() => {
  const y8 = ed25519.Point.fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a').y;
  return new Set([0n, 1n, P - 1n, y8, P - y8]);
})();

type EdPoint = ReturnType<typeof ed25519.Point.fromBytes>;

function scalarLE(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  return n;
}

/**
 * Canonical (y < p) and not a small-order point, decided from the bytes alone: decompressing R would cost
 * as much again as a native verification. Whether R is on the curve at all, the verification equation decides.
 */
function canonicalNotSmallOrder(encoded: Uint8Array): boolean {
  const y = scalarLE(encoded) & ((1n << 255n) - 1n);
  return y < P && !SMALL_ORDER_Y.has(y);
}

/** The point, or null when the encoding is not canonical, not on the curve, or of small order. */
function strictPoint(encoded: Uint8Array): EdPoint | null {
  try {
    const point = ed25519.Point.fromBytes(encoded, false);
    return point.isSmallOrder() ? null : point;
  } catch {
    return null;
  }
}

/**
 * Public keys already found acceptable. The subgroup check costs a scalar multiplication (about as much as
 * a whole native verification), and the same device and receipt keys come back with every request.
 * Bounded by clearing: refusals are never cached, so a flood of bad keys cannot evict anything useful for long.
 */
const acceptedKeys = new Set<string>();
const ACCEPTED_KEYS_MAX = 10_000;

function keyAcceptable(publicKey: Uint8Array): boolean {
  const id = String.fromCharCode(...publicKey);
  if (acceptedKeys.has(id)) return true;
  const point = strictPoint(publicKey);
  if (!point || !point.isTorsionFree()) return false;
  if (acceptedKeys.size >= ACCEPTED_KEYS_MAX) acceptedKeys.clear();
  acceptedKeys.add(id);
  return true;
}

/** False when the signature or public key is one of the inputs listed above (or has the wrong length). */
export function ed25519InputsAcceptable(signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  if (scalarLE(signature.subarray(32)) >= L) return false;
  return canonicalNotSmallOrder(signature.subarray(0, 32)) && keyAcceptable(publicKey);
}

/** R's subgroup membership, for verifiers whose equation is cofactored (it clears R's torsion component). */
export function ed25519NonceInPrimeOrderSubgroup(signature: Uint8Array): boolean {
  return strictPoint(signature.subarray(0, 32))?.isTorsionFree() ?? false;
}
