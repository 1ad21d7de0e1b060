import { describe, expect, it } from 'vitest';
import {
  descriptorUrlOf,
  signCommunityDescriptor,
  verifyCommunityDescriptor,
  type UnsignedCommunityDescriptor,
} from '../../../utils/collector-api/community-descriptor';
import { collectorParties } from '../support/collector';

const parties = collectorParties();
const unsigned: UnsignedCommunityDescriptor = {
  v: 1,
  url: 'https://collector.commons.example',
  name: 'Commons of Example',
  description: 'Readers pooling what they read.',
  keys: {
    encryption: { keyId: parties.keys.encryption[0]!.keyId, publicKey: parties.keys.encryption[0]!.publicKey },
    receipt: { keyId: parties.receipt.keyId, publicKey: parties.receipt.publicKey },
  },
  chain: { chainId: 31337, token: '0x5FbDB2315678afecb367f032d93F642f64180aa3', governor: null, policy: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' },
};
const signed = signCommunityDescriptor(unsigned, parties.receipt.secretKey);
/** The descriptor as it travels: JSON. */
const wire = JSON.parse(JSON.stringify(signed)) as Record<string, unknown>;
const FROM = 'https://collector.commons.example/.well-known/tributary-community.json';

describe('community descriptor', () => {
  it('verifies against the receipt key it names, from its own origin', () => {
    expect(verifyCommunityDescriptor(wire, FROM)).toEqual({ ok: true, descriptor: signed });
  });

  const tampered: [string, Record<string, unknown>][] = [
    ['url', { url: 'https://other.example' }],
    ['name', { name: 'Commons of Elsewhere' }],
    ['description', { description: 'Nothing is sent anywhere.' }],
    ['chain', { chain: { ...unsigned.chain, token: '0x0000000000000000000000000000000000000001' } }],
    ['chain (dropped)', { chain: null }],
  ];
  for (const [field, change] of tampered) {
    it(`is refused when ${field} is changed after signing`, () => {
      expect(verifyCommunityDescriptor({ ...wire, ...change }, FROM)).toEqual({ ok: false, reason: 'bad_signature' });
    });
  }

  it('is refused when the encryption key is swapped for another (its id no longer matching, or the signature)', () => {
    const other = collectorParties().keys.encryption[0]!;
    const keys = wire.keys as Record<string, unknown>;
    expect(verifyCommunityDescriptor({ ...wire, keys: { ...keys, encryption: { keyId: other.keyId, publicKey: other.publicKey } } }, FROM)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyCommunityDescriptor({ ...wire, keys: { ...keys, encryption: { keyId: other.keyId, publicKey: parties.keys.encryption[0]!.publicKey } } }, FROM)).toEqual({
      ok: false,
      reason: 'bad_key_id',
    });
  });

  it('is refused when re-signed by a key other than the receipt key it names', () => {
    const forged = signCommunityDescriptor(unsigned, collectorParties().receipt.secretKey);
    expect(verifyCommunityDescriptor(JSON.parse(JSON.stringify(forged)), FROM)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('is refused when fetched from another origin than the one it names', () => {
    expect(verifyCommunityDescriptor(wire, 'https://mirror.example/.well-known/tributary-community.json')).toEqual({ ok: false, reason: 'wrong_origin' });
    expect(verifyCommunityDescriptor(wire, 'http://collector.commons.example/')).toEqual({ ok: false, reason: 'wrong_origin' });
  });

  it('is refused when its shape is wrong: extra fields, a URL with a path, a missing signature', () => {
    expect(verifyCommunityDescriptor({ ...wire, extra: 1 }, FROM)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyCommunityDescriptor({ ...wire, url: 'https://collector.commons.example/x' }, FROM)).toEqual({ ok: false, reason: 'malformed' });
    expect(() => signCommunityDescriptor({ ...unsigned, url: 'https://collector.commons.example/x' }, parties.receipt.secretKey)).toThrow();
    const { sig: _sig, ...unsignedWire } = wire;
    expect(verifyCommunityDescriptor(unsignedWire, FROM)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyCommunityDescriptor('not json', FROM)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('covers addresses in their checksummed form, so their letter case on the way does not matter', () => {
    const chain = wire.chain as Record<string, string>;
    expect(verifyCommunityDescriptor({ ...wire, chain: { ...chain, token: chain.token!.toLowerCase() } }, FROM).ok).toBe(true);
  });
});

describe('descriptorUrlOf', () => {
  it('finds the descriptor from the collector’s address, any page on it, or the descriptor’s own URL', () => {
    const expected = 'https://collector.commons.example/.well-known/tributary-community.json';
    expect(descriptorUrlOf('https://collector.commons.example')).toBe(expected);
    expect(descriptorUrlOf('  https://collector.commons.example/governance/?x=1 ')).toBe(expected);
    expect(descriptorUrlOf(expected)).toBe(expected);
    expect(descriptorUrlOf('http://127.0.0.1:8788')).toBe('http://127.0.0.1:8788/.well-known/tributary-community.json');
  });

  it('answers null for what is not an http(s) address', () => {
    for (const pasted of ['', 'collector.commons.example', 'ftp://collector.example', 'javascript:alert(1)', 'https://user:pw@collector.example']) {
      expect(descriptorUrlOf(pasted)).toBeNull();
    }
  });
});
