// Bundle addresses: CIDv1, raw codec (0x55), sha2-256 multihash, base32 lower case ("b…"), over the
// envelope exactly as the collector stores it (JSON in schema key order), so a device can
// compute the address of what it sent.
import { CID } from 'multiformats/cid';
import * as Digest from 'multiformats/hashes/digest';
import { wireCrypto } from './crypto-backend';

const RAW = 0x55;
const SHA2_256 = 0x12;

export function cidOf(bytes: Uint8Array): string {
  return CID.createV1(RAW, Digest.create(SHA2_256, wireCrypto().sha256(bytes))).toString();
}

/** True for exactly the strings cidOf can produce (so a CID is safe to use as a file name). */
export function isBundleCid(value: string): boolean {
  try {
    const cid = CID.parse(value);
    return cid.version === 1 && cid.code === RAW && cid.multihash.code === SHA2_256 && cid.toString() === value;
  } catch {
    return false;
  }
}
