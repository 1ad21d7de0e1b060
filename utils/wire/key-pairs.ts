import { ed25519 } from '@noble/curves/ed25519.js';
import nacl from 'tweetnacl';
import { wireCrypto } from './crypto-backend';
import { bytesToHex, hexToBytes } from './encoding';

export interface DeviceKeyPair {
  /** 32-byte Ed25519 seed. */
  secretKey: Uint8Array;
  /** Lowercase hex, 64 chars. */
  publicKey: string;
}

export function generateDeviceKeyPair(): DeviceKeyPair {
  const { secretKey, publicKey } = ed25519.keygen();
  return { secretKey, publicKey: bytesToHex(publicKey) };
}

export function devicePubFromSecret(secretKey: Uint8Array): string {
  return bytesToHex(ed25519.getPublicKey(secretKey));
}

/** Key ids are the first 16 hex chars of sha256(public key bytes); same rule for both key kinds. */
export function keyIdOf(publicKey: Uint8Array): string {
  return bytesToHex(wireCrypto().sha256(publicKey)).slice(0, 16);
}

export interface EncryptionKeyPair {
  keyId: string;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export function generateEncryptionKeyPair(): EncryptionKeyPair {
  const kp = nacl.box.keyPair();
  return { keyId: keyIdOf(kp.publicKey), publicKey: kp.publicKey, secretKey: kp.secretKey };
}

export interface ReceiptKeyPair {
  keyId: string;
  /** Lowercase hex. */
  publicKey: string;
  /** 32-byte Ed25519 seed. */
  secretKey: Uint8Array;
}

export function generateReceiptKeyPair(): ReceiptKeyPair {
  const { secretKey, publicKey } = ed25519.keygen();
  return { keyId: keyIdOf(publicKey), publicKey: bytesToHex(publicKey), secretKey };
}

export function signBytes(message: Uint8Array, secretKey: Uint8Array): string {
  return bytesToHex(wireCrypto().ed25519Sign(message, secretKey));
}

/** Never throws: malformed keys or signatures simply fail verification. */
export function verifyBytes(sigHex: string, message: Uint8Array, publicKeyHex: string): boolean {
  try {
    return wireCrypto().ed25519Verify(hexToBytes(sigHex), message, hexToBytes(publicKeyHex));
  } catch {
    return false;
  }
}
