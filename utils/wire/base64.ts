// Portable (pure JS) base64, the default the extension runs; see crypto-backend.ts for how the
// collector swaps in a native decoder with the same results.
const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < B64_ALPHABET.length; i++) B64_LOOKUP[B64_ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    out += B64_ALPHABET[(n >> 18) & 63]! + B64_ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64_ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64_ALPHABET[n & 63]! : '=';
  }
  return out;
}

/** Standard padded base64; throws on bad characters, bad padding or non-zero spare bits. */
export function portableBase64ToBytes(b64: string): Uint8Array {
  if (b64.length % 4 !== 0) throw new TypeError('base64 length must be a multiple of 4');
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((b64.length / 4) * 3 - pad);
  const sextet = (i: number): number => {
    const ch = b64.charCodeAt(i);
    const v = ch < 128 ? B64_LOOKUP[ch]! : -1;
    if (v < 0) throw new TypeError('invalid base64 character');
    return v;
  };
  const fullQuads = b64.length / 4 - (pad ? 1 : 0);
  let o = 0;
  for (let q = 0; q < fullQuads; q++) {
    const i = q * 4;
    const n = (sextet(i) << 18) | (sextet(i + 1) << 12) | (sextet(i + 2) << 6) | sextet(i + 3);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  if (pad) {
    const i = fullQuads * 4;
    const n = (sextet(i) << 18) | (sextet(i + 1) << 12) | (pad === 1 ? sextet(i + 2) << 6 : 0);
    // Spare bits must be zero, or two strings would decode to the same bytes.
    if (pad === 2 && (n & 0xffff) !== 0) throw new TypeError('non-canonical base64');
    if (pad === 1 && (n & 0xff) !== 0) throw new TypeError('non-canonical base64');
    out[o++] = n >> 16;
    if (pad === 1) out[o++] = (n >> 8) & 255;
  }
  return out;
}
