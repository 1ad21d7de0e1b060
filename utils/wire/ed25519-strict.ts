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

/** The order of the prime-order subgroup. */
const L = (1n << 252n) + 27742317777372353535851937790883648493n;

type EdPoint = ReturnType<typeof ed25519.Point.fromBytes>;

function scalarLE(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  return n;
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
  return strictPoint(signature.subarray(0, 32)) !== null && keyAcceptable(publicKey);
}

/** R's subgroup membership, for verifiers whose equation is cofactored (it clears R's torsion component). */
export function ed25519NonceInPrimeOrderSubgroup(signature: Uint8Array): boolean {
  return strictPoint(signature.subarray(0, 32))?.isTorsionFree() ?? false;
}
