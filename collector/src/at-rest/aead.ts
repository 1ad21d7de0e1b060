// The one authenticated cipher of the collector's storage: AES-256-GCM (node:crypto), a fresh
// random 96-bit nonce per message, and associated data that names what the message is, so a
// ciphertext moved to another row, blob or key slot no longer opens.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const DATA_KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Format byte: a later cipher or layout gets another value. */
const FORMAT_V1 = 1;

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/** 16 hex chars naming a key without revealing it (receipts name destroyed keys by it). */
export function dataKeyId(key: Uint8Array): string {
  return createHash('sha256').update('tributary/at-rest-key-id/v1\n').update(key).digest('hex').slice(0, 16);
}

/** format ‖ nonce ‖ ciphertext ‖ tag. */
export function seal(key: Uint8Array, plaintext: Uint8Array, associated: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(associated, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_V1), nonce, body, cipher.getAuthTag()]);
}

/** The plaintext, or null when the message was not sealed by `key` for `associated` (or was altered). */
export function open(key: Uint8Array, sealed: Uint8Array, associated: string): Buffer | null {
  if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== FORMAT_V1) return null;
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 1 + NONCE_BYTES));
  decipher.setAAD(Buffer.from(associated, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(1 + NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
