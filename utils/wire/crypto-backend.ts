// The primitives the wire code spends its time in (hashing, Ed25519, X25519, base64 decoding), behind one typed binding. The default is
// portable JS (@noble, our strict base64), which is what the extension runs; a Node process may
// install faster native implementations once at startup (the collector does: node:crypto and
// Buffer, see collector/src/crypto/node-wire-crypto.ts). This module imports nothing from Node,
// so the extension bundle stays free of node: modules. A replacement must give the same answer
// for every input (same bytes, same accept/reject).
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import nacl from 'tweetnacl';
import { portableBase64ToBytes } from './base64';
import { ed25519InputsAcceptable, ed25519NonceInPrimeOrderSubgroup } from './ed25519-strict';

export interface WireCrypto {
  sha256(data: Uint8Array): Uint8Array;
  /** RFC 8032 signature (deterministic, so every implementation gives the same bytes) by a 32-byte seed. */
  ed25519Sign(message: Uint8Array, seed: Uint8Array): Uint8Array;
  /**
   * RFC 8032 verification under our strict rules (ed25519-strict.ts: inputs refused unless
   * ed25519InputsAcceptable, then [S]B = R + [k]A exactly); false, never a throw, for malformed input.
   */
  ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
  /** Strict standard padded base64: throws on bad characters, bad padding or non-zero spare bits. */
  base64ToBytes(b64: string): Uint8Array;
  /**
   * RFC 7748 X25519 of a 32-byte secret and a 32-byte public key; null when the result is all zeros
   * (a public key of small order, which contributes nothing secret), never a throw for 32-byte inputs.
   */
  x25519(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array | null;
}

const isAllZero = (b: Uint8Array): boolean => b.every((x) => x === 0);

export const portableWireCrypto: WireCrypto = {
  sha256: (data) => sha256(data),
  ed25519Sign: (message, seed) => ed25519.sign(message, seed),
  ed25519Verify(signature, message, publicKey) {
    try {
      // noble's equation is cofactored (it ignores a torsion component of R), hence the subgroup check on R.
      return (
        ed25519InputsAcceptable(signature, publicKey) &&
        ed25519.verify(signature, message, publicKey, { zip215: false }) &&
        ed25519NonceInPrimeOrderSubgroup(signature)
      );
    } catch {
      return false;
    }
  },
  base64ToBytes: portableBase64ToBytes,
  x25519(secretKey, publicKey) {
    const shared = nacl.scalarMult(secretKey, publicKey);
    return isAllZero(shared) ? null : shared;
  },
};

let active: WireCrypto = portableWireCrypto;

/** Replaces the primitives for the whole process; call once, before serving anything. */
export function installWireCrypto(impl: WireCrypto): void {
  active = impl;
}

export function wireCrypto(): WireCrypto {
  return active;
}
