// The Ed25519 edge cases where implementations disagree ("Taming the many EdDSAs"): both of our
// backends must refuse every one of them, for every kind of signature the collector checks.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  authenticateEnvelope,
  generateDeviceKeyPair,
  generateEncryptionKeyPair,
  hexToBytes,
  installWireCrypto,
  portableWireCrypto,
  signBytes,
  verifyDeletionRequest,
  type WireCrypto,
} from '../../utils/wire/index';
import { verifyTokenIssueRequest } from '../../utils/wire/reward-tokens';
import { nodeWireCrypto } from '../src/crypto/node-wire-crypto';
import { forgedDeletions, forgedEnvelopes, forgedTokenIssueRequests, openSslAccepts, smallOrderEncodings } from './ed25519-forgery';

interface Vector {
  case: number;
  what: string;
  msg: string;
  pub: string;
  sig: string;
}
const { vectors } = JSON.parse(readFileSync(new URL('../../test/fixtures/ed25519-speccheck.json', import.meta.url), 'utf8')) as { vectors: Vector[] };
const backends: [string, WireCrypto][] = [
  ['noble', portableWireCrypto],
  ['node:crypto', nodeWireCrypto],
];

afterEach(() => installWireCrypto(portableWireCrypto));

describe('Ed25519 edge-case vectors', () => {
  it('has the twelve published vectors, several of which plain OpenSSL accepts', () => {
    expect(vectors.map((v) => v.case)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // Without this the vectors would not exercise the native verifier's gap.
    expect(vectors.filter((v) => openSslAccepts(hexToBytes(v.sig), hexToBytes(v.msg), hexToBytes(v.pub))).length).toBeGreaterThan(0);
  });

  it.each(backends)('%s refuses every one of them', (_name, impl) => {
    const verdicts = vectors.map((v) => impl.ed25519Verify(hexToBytes(v.sig), hexToBytes(v.msg), hexToBytes(v.pub)));
    expect(verdicts).toEqual(vectors.map(() => false));
  });

  it.each(backends)('%s refuses S = 0 under every small-order key encoding, whatever small-order R', (_name, impl) => {
    const points = smallOrderEncodings();
    expect(points).toHaveLength(14);
    const message = new TextEncoder().encode('anything at all');
    let openSsl = 0;
    for (const a of points) {
      for (const r of points) {
        const sig = new Uint8Array([...r, ...new Uint8Array(32)]);
        if (openSslAccepts(sig, message, a)) openSsl++;
        expect(impl.ed25519Verify(sig, message, a)).toBe(false);
      }
    }
    expect(openSsl).toBeGreaterThan(0);
  });

  it.each(backends)('%s still accepts honest signatures', (_name, impl) => {
    for (let i = 0; i < 20; i++) {
      const device = generateDeviceKeyPair();
      const message = new TextEncoder().encode(`message ${i}`);
      expect(impl.ed25519Verify(hexToBytes(signBytes(message, device.secretKey)), message, hexToBytes(device.publicKey))).toBe(true);
    }
  });
});

describe('forgeries under small-order keys, at the wire layer', () => {
  it.each(backends)('%s: bundle envelopes, deletion requests and token issuance requests are all refused', (_name, impl) => {
    installWireCrypto(impl);
    const collector = generateEncryptionKeyPair();
    const envelopes = forgedEnvelopes({ keyId: collector.keyId, publicKey: collector.publicKey });
    const deletions = forgedDeletions({ kind: 'all' }, Date.now());
    const issues = forgedTokenIssueRequests(1, Date.now());
    for (const forged of [envelopes, deletions, issues]) expect(forged.length).toBeGreaterThan(0);
    for (const env of envelopes) expect(() => authenticateEnvelope(env)).toThrow(/signature/);
    for (const req of deletions) expect(verifyDeletionRequest(req)).toBe(false);
    for (const req of issues) expect(verifyTokenIssueRequest(req)).toBe(false);
  });
});
