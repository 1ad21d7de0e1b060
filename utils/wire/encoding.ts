// The single place where bytes become text and back. Decoders are strict:
// a non-canonical encoding would let two different strings carry the same
// bytes, which breaks "same envelope" comparisons and signatures over text.
import { bytesToHex as nobleBytesToHex, hexToBytes as nobleHexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { wireCrypto } from './crypto-backend';

const HEX_RE = /^(?:[0-9a-f]{2})*$/;

export function bytesToHex(bytes: Uint8Array): string {
  return nobleBytesToHex(bytes);
}

/** Lowercase hex only; throws on anything else. */
export function hexToBytes(hex: string): Uint8Array {
  if (!HEX_RE.test(hex)) throw new TypeError('expected lowercase hex');
  return nobleHexToBytes(hex);
}

export { bytesToBase64 } from './base64';

/** Standard padded base64; throws on bad characters, bad padding or non-zero spare bits. */
export function base64ToBytes(b64: string): Uint8Array {
  return wireCrypto().base64ToBytes(b64);
}

export function utf8Encode(text: string): Uint8Array {
  return utf8ToBytes(text);
}

const decoder = new TextDecoder('utf-8', { fatal: true });
export function utf8Decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
