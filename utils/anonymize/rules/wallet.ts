import { sha256 } from '@noble/hashes/sha2.js';
import type { Span } from '../types';
import { matchSpans } from './match';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Base58Check: the last 4 bytes are the first 4 of sha256(sha256(payload)). */
export function base58CheckValid(s: string): boolean {
  let n = 0n;
  for (const ch of s) {
    const v = BASE58.indexOf(ch);
    if (v < 0) return false;
    n = n * 58n + BigInt(v);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n % 256n));
    n /= 256n;
  }
  for (const ch of s) {
    if (ch !== '1') break;
    bytes.unshift(0);
  }
  if (bytes.length < 5) return false;
  const payload = Uint8Array.from(bytes.slice(0, -4));
  const check = sha256(sha256(payload));
  return bytes.slice(-4).every((b, i) => b === check[i]);
}

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

/** BIP-173 / BIP-350: accepts both bech32 (constant 1) and bech32m checksums. */
export function bech32Valid(s: string): boolean {
  const lower = s.toLowerCase();
  if (lower !== s && s.toUpperCase() !== s) return false;
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || lower.length - sep < 7) return false;
  const hrp = lower.slice(0, sep);
  const data = [...lower.slice(sep + 1)].map((c) => BECH32_CHARSET.indexOf(c));
  if (data.some((v) => v < 0)) return false;
  const values = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31), ...data];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i]!;
  }
  return chk === 1 || chk === 0x2bc830a3;
}

const ETH = /\b0x[0-9a-fA-F]{40}\b/g;
const BTC_LEGACY = /\b[13][1-9A-HJ-NP-Za-km-z]{25,34}\b/g;
const BTC_BECH32 = /\b(?:bc|tb)1[02-9ac-hj-np-z]{11,71}\b/gi;

export function walletSpans(text: string): Span[] {
  return [
    ...matchSpans(text, ETH, 'WALLET'),
    ...matchSpans(text, BTC_LEGACY, 'WALLET', (m) => base58CheckValid(m[0])),
    ...matchSpans(text, BTC_BECH32, 'WALLET', (m) => bech32Valid(m[0])),
  ];
}
