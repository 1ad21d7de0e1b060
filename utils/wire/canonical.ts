// Every signature in Tributary covers canonicalBytes(tag, value): a domain tag
// (so a signature for one message type can never be replayed as another) and
// deterministic JSON with sorted keys. Signer and verifier call this same code.
import { wireCrypto } from './crypto-backend';
import { bytesToHex, utf8Encode } from './encoding';

export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON forbids non-finite numbers');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v: CanonicalValue) => canonicalJson(v)).join(',')}]`;
  const obj = value as { readonly [key: string]: CanonicalValue | undefined };
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k] as CanonicalValue)}`).join(',')}}`;
}

export function canonicalBytes(tag: string, value: CanonicalValue): Uint8Array {
  return utf8Encode(`${tag}\n${canonicalJson(value)}`);
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(wireCrypto().sha256(bytes));
}
