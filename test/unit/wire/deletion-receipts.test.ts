import { describe, expect, it } from 'vitest';
import {
  deletionRequestHash,
  generateDeviceKeyPair,
  generateReceiptKeyPair,
  signDeletionReceipt,
  signDeletionRequest,
  signIngestReceipt,
  verifyDeletionRequest,
  verifyIngestReceipt,
  verifyReceipt,
  type DeletionReceipt,
  type DeletionScope,
  type DeletionRequest,
  type IngestReceipt,
} from '../../../utils/wire/index';

const UUID_A = '11111111-1111-4111-8111-111111111111';
const UUID_B = '22222222-2222-4222-8222-222222222222';
const otherHex = (h: string) => (h[0] === 'a' ? 'b' : 'a') + h.slice(1);

describe('deletion request', () => {
  const device = generateDeviceKeyPair();
  const req = signDeletionRequest({ scope: { kind: 'site', origin: 'https://example.com' }, ts: Date.now() }, device.secretKey);

  it('signs with the device key and a fresh 16-byte nonce', () => {
    expect(req.devicePub).toBe(device.publicKey);
    expect(req.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(verifyDeletionRequest(req)).toBe(true);
    const again = signDeletionRequest({ scope: req.scope, ts: req.ts }, device.secretKey);
    expect(again.nonce).not.toBe(req.nonce);
  });

  it('accepts every scope kind', () => {
    const scopes: DeletionScope[] = [
      { kind: 'bundles', bundleIds: [UUID_A] },
      { kind: 'signals', signalIds: [UUID_A, UUID_B] },
      { kind: 'site', origin: 'http://localhost:8080' },
      { kind: 'day', day: '2026-11-25' },
      { kind: 'all' },
    ];
    for (const scope of scopes) {
      expect(verifyDeletionRequest(signDeletionRequest({ scope, ts: Date.now() }, device.secretKey))).toBe(true);
    }
  });

  const tampers: [keyof DeletionRequest, unknown][] = [
    ['v', 2],
    ['devicePub', generateDeviceKeyPair().publicKey],
    ['scope', { kind: 'all' }],
    ['ts', req.ts + 1],
    ['nonce', otherHex(req.nonce)],
    ['sig', otherHex(req.sig)],
  ];
  for (const [field, value] of tampers) {
    it(`fails when ${field} is changed`, () => {
      expect(verifyDeletionRequest({ ...req, [field]: value })).toBe(false);
    });
  }

  it('rejects malformed scopes', () => {
    expect(() => signDeletionRequest({ scope: { kind: 'site', origin: 'https://example.com/path' }, ts: Date.now() }, device.secretKey)).toThrow();
    expect(() => signDeletionRequest({ scope: { kind: 'day', day: '2026-13-01' }, ts: Date.now() }, device.secretKey)).toThrow();
    expect(() => signDeletionRequest({ scope: { kind: 'bundles', bundleIds: [] }, ts: Date.now() }, device.secretKey)).toThrow();
  });

  it('hashes deterministically and distinctly', () => {
    expect(deletionRequestHash(req)).toBe(deletionRequestHash({ ...req }));
    expect(deletionRequestHash(req)).not.toBe(deletionRequestHash({ ...req, nonce: otherHex(req.nonce) }));
  });
});

describe('receipts', () => {
  const key = generateReceiptKeyPair();
  const device = generateDeviceKeyPair();
  const deletion = signDeletionReceipt(
    {
      requestHash: 'ab'.repeat(32),
      devicePub: device.publicKey,
      deleted: [UUID_A],
      deletedBundles: [UUID_B],
      debited: 1,
      destroyedKeys: [{ kind: 'bundle', keyId: '0123456789abcdef' }],
      ts: Date.now(),
      collectorKeyId: key.keyId,
    },
    key.secretKey,
  );
  const ingest = signIngestReceipt(
    { bundleId: UUID_B, devicePub: device.publicKey, signalIds: [UUID_A], storedAt: Date.now(), credited: 1, collectorKeyId: key.keyId },
    key.secretKey,
  );

  it('verify offline against the receipt public key only', () => {
    expect(verifyReceipt(deletion, key.publicKey)).toBe(true);
    expect(verifyIngestReceipt(ingest, key.publicKey)).toBe(true);
    expect(verifyReceipt(deletion, generateReceiptKeyPair().publicKey)).toBe(false);
  });

  it('are not interchangeable between kinds', () => {
    expect(verifyReceipt(ingest, key.publicKey)).toBe(false);
    expect(verifyIngestReceipt(deletion, key.publicKey)).toBe(false);
  });

  const deletionTampers: [keyof DeletionReceipt, unknown][] = [
    ['v', 2],
    ['requestHash', otherHex(deletion.requestHash)],
    ['devicePub', generateDeviceKeyPair().publicKey],
    ['deleted', []],
    ['deletedBundles', [UUID_A]],
    ['debited', 0],
    ['destroyedKeys', []],
    ['ts', deletion.ts + 1],
    ['collectorKeyId', otherHex(deletion.collectorKeyId)],
    ['sig', otherHex(deletion.sig)],
  ];
  for (const [field, value] of deletionTampers) {
    it(`deletion receipt fails when ${field} is changed`, () => {
      expect(verifyReceipt({ ...deletion, [field]: value }, key.publicKey)).toBe(false);
    });
  }

  const ingestTampers: [keyof IngestReceipt, unknown][] = [
    ['v', 2],
    ['bundleId', UUID_A],
    ['devicePub', generateDeviceKeyPair().publicKey],
    ['signalIds', [UUID_B]],
    ['storedAt', ingest.storedAt + 1],
    ['credited', 2],
    ['collectorKeyId', otherHex(ingest.collectorKeyId)],
    ['sig', otherHex(ingest.sig)],
  ];
  for (const [field, value] of ingestTampers) {
    it(`ingest receipt fails when ${field} is changed`, () => {
      expect(verifyIngestReceipt({ ...ingest, [field]: value }, key.publicKey)).toBe(false);
    });
  }
});
