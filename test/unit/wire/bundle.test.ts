import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import {
  authenticateEnvelope,
  bundleEnvelopeSchema,
  envelopeDigest,
  envelopeSigningBytes,
  bytesToBase64,
  base64ToBytes,
  encodeVectorB64,
  generateDeviceKeyPair,
  generateEncryptionKeyPair,
  openEnvelope,
  signalSchema,
  signBytes,
  utf8Encode,
  verifyEnvelope,
  WireError,
  type BundleEnvelope,
} from '../../../utils/wire/index';
import { freshParties, makePlaintext, makeSignal, seal } from './fixtures';

function wireCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof WireError) return err.code;
    throw err;
  }
  return 'no error';
}

/** An encoded vector written byte by byte: `scale`, then `dims` components (the first one `first`). */
function rawVector(scale: number, dims: number, first = 1): string {
  const bytes = new Uint8Array(4 + dims);
  new DataView(bytes.buffer).setFloat32(0, scale, true);
  new DataView(bytes.buffer).setInt8(4, first);
  return bytesToBase64(bytes);
}

function flipB64(b64: string, byteIndex = 0): string {
  const bytes = base64ToBytes(b64);
  bytes[byteIndex]! ^= 1;
  return bytesToBase64(bytes);
}

describe('bundle envelope', () => {
  it('seals, verifies and opens to the same plaintext', () => {
    const { device, collector } = freshParties();
    const plain = makePlaintext(device);
    const env = seal(plain, collector, device);
    expect(bundleEnvelopeSchema.parse(env)).toEqual(env);
    expect(verifyEnvelope(env)).toBe(true);
    expect(openEnvelope(env, collector.secretKey)).toEqual(plain);
  });

  it('uses a fresh ephemeral key and nonce per bundle', () => {
    const { device, collector } = freshParties();
    const plain = makePlaintext(device);
    const a = seal(plain, collector, device);
    const b = seal(plain, collector, device);
    expect(a.ephemeralPub).not.toBe(b.ephemeralPub);
    expect(a.nonce).not.toBe(b.nonce);
  });

  // Every field except sig is covered by the signature.
  const tampers: [keyof BundleEnvelope, (e: BundleEnvelope) => unknown][] = [
    ['v', () => 1],
    ['bundleId', () => '00000000-0000-4000-8000-000000000000'],
    ['devicePub', () => generateDeviceKeyPair().publicKey],
    ['createdAt', (e) => e.createdAt + 1],
    ['collectorKeyId', () => generateEncryptionKeyPair().keyId],
    ['ephemeralPub', (e) => flipB64(e.ephemeralPub)],
    ['nonce', (e) => flipB64(e.nonce)],
    ['ciphertext', (e) => flipB64(e.ciphertext, 20)],
    ['sig', (e) => (e.sig[0] === 'a' ? 'b' : 'a') + e.sig.slice(1)],
  ];
  for (const [field, change] of tampers) {
    it(`fails verification when ${field} is changed`, () => {
      const { device, collector } = freshParties();
      const env = seal(makePlaintext(device), collector, device);
      const tampered = { ...env, [field]: change(env) };
      expect(tampered[field]).not.toEqual(env[field]);
      expect(verifyEnvelope(tampered)).toBe(false);
      expect(['bad_signature', 'invalid_envelope']).toContain(wireCode(() => openEnvelope(tampered, collector.secretKey)));
    });
  }

  it('authenticateEnvelope returns a frozen envelope; copies of it are verified again', () => {
    const { device, collector } = freshParties();
    const env = seal(makePlaintext(device), collector, device);
    const authed = authenticateEnvelope(env);
    expect(Object.isFrozen(authed)).toBe(true);
    expect(() => {
      (authed as { createdAt: number }).createdAt = 1;
    }).toThrow();
    expect(openEnvelope(authed, collector.secretKey).bundleId).toBe(env.bundleId);
    const copy = { ...authed, createdAt: authed.createdAt + 1 };
    expect(wireCode(() => openEnvelope(copy, collector.secretKey))).toBe('bad_signature');
    expect(wireCode(() => authenticateEnvelope({ ...env, sig: '0'.repeat(128) }))).toBe('bad_signature');
    expect(wireCode(() => authenticateEnvelope({ ...env, v: 1 }))).toBe('invalid_envelope');
    expect(wireCode(() => authenticateEnvelope({ ...env, v: 3 }))).toBe('invalid_envelope');
  });

  it('envelopeDigest names one exact envelope', () => {
    const { device, collector } = freshParties();
    const plain = makePlaintext(device);
    const a = seal(plain, collector, device);
    expect(envelopeDigest(a)).toBe(envelopeDigest(authenticateEnvelope({ ...a })));
    expect(envelopeDigest(a)).not.toBe(envelopeDigest(seal(plain, collector, device)));
    expect(envelopeDigest(a)).not.toBe(envelopeDigest({ ...a, sig: '0'.repeat(128) }));
  });

  it('rejects extra fields and oversize strings', () => {
    const { device, collector } = freshParties();
    const env = seal(makePlaintext(device), collector, device);
    expect(verifyEnvelope({ ...env, extra: 1 })).toBe(false);
    expect(wireCode(() => openEnvelope({ ...env, collectorKeyId: 'x'.repeat(10_000) }, collector.secretKey))).toBe('invalid_envelope');
  });

  it('does not open with another collector key', () => {
    const { device, collector } = freshParties();
    const env = seal(makePlaintext(device), collector, device);
    expect(wireCode(() => openEnvelope(env, generateEncryptionKeyPair().secretKey))).toBe('decrypt_failed');
  });

  it('refuses an envelope sealed to a small-order ephemeral key (an all-zero shared secret anyone can compute)', () => {
    const { device, collector } = freshParties();
    const plain = makePlaintext(device);
    const zeroPub = new Uint8Array(32);
    // u = 0 makes X25519 zero whatever the secret: this key is the one the collector would derive.
    const key = nacl.box.before(zeroPub, generateEncryptionKeyPair().secretKey);
    const nonce = nacl.randomBytes(nacl.box.nonceLength);
    const unsigned = {
      v: plain.v,
      bundleId: plain.bundleId,
      devicePub: plain.devicePub,
      createdAt: plain.createdAt,
      collectorKeyId: collector.keyId,
      ephemeralPub: bytesToBase64(zeroPub),
      nonce: bytesToBase64(nonce),
      ciphertext: bytesToBase64(nacl.box.after(utf8Encode(JSON.stringify(plain)), nonce, key)),
    };
    const env = { ...unsigned, sig: signBytes(envelopeSigningBytes(unsigned), device.secretKey) };
    expect(verifyEnvelope(env)).toBe(true);
    expect(nacl.box.open(base64ToBytes(env.ciphertext), nonce, zeroPub, collector.secretKey)).not.toBeNull();
    expect(wireCode(() => openEnvelope(env, collector.secretKey))).toBe('decrypt_failed');
  });

  it('refuses to seal a plaintext naming another device', () => {
    const { device, collector } = freshParties();
    const other = generateDeviceKeyPair();
    expect(wireCode(() => seal(makePlaintext(other), collector, device))).toBe('envelope_mismatch');
  });
});

describe('signal schema', () => {
  it('accepts a well-formed signal', () => {
    expect(signalSchema.safeParse(makeSignal()).success).toBe(true);
    expect(signalSchema.safeParse(makeSignal({ origin: 'http://localhost:3000', lang: undefined })).success).toBe(true);
    expect(signalSchema.safeParse(makeSignal({ title: 'Rivers 🌊', text: 'Whole emoji 😀 are fine' })).success).toBe(true);
  });

  const bad: [string, Record<string, unknown>][] = [
    ['origin with path', { origin: 'https://example.com/private/page' }],
    ['origin with query', { origin: 'https://example.com?q=secret' }],
    ['origin with trailing slash', { origin: 'https://example.com/' }],
    ['non-http origin', { origin: 'file:///etc/passwd' }],
    ['long title', { title: 'x'.repeat(301) }],
    ['long text', { text: 'x'.repeat(4001) }],
    ['embedding as a JSON array (wire v1)', { embedding: new Array(16).fill(0.25) }],
    ['short embedding', { embedding: encodeVectorB64([1, 2, 3, 4, 5, 6, 7]) }],
    ['long embedding', { embedding: encodeVectorB64(new Array(2049).fill(0.5)) }],
    ['embedding with an infinite scale', { embedding: rawVector(Number.POSITIVE_INFINITY, 16) }],
    ['embedding with a NaN scale', { embedding: rawVector(Number.NaN, 16) }],
    ['embedding with a negative scale', { embedding: rawVector(-0.01, 16) }],
    ['embedding with a -128 component', { embedding: rawVector(0.01, 16, -128) }],
    ['embedding not in base64', { embedding: '!'.repeat(28) }],
    ['dwell over a day', { dwellMs: 86_400_001 }],
    ['scroll depth > 1', { scrollDepth: 1.01 }],
    ['fractional interactions', { interactions: 1.5 }],
    ['entity offsets', { entities: [{ type: 'PERSON', count: 1, start: 3 }] }],
    ['non-uuid id', { id: 'abc' }],
    ['visitedAt not on the hour', { visitedAt: 1_795_618_800_000 + 1 }],
    ['unknown field', { url: 'https://example.com/a' }],
    // Ill-formed UTF-16 cannot be stored as UTF-8 without being altered: refused, not repaired.
    ['lone high surrogate in the title', { title: 'Rivers \uD83D' }],
    ['lone low surrogate in the text', { text: '\uDE00 and more' }],
    ['reversed surrogate pair in the text', { text: 'a\uDE00\uD83Db' }],
    ['lone surrogate in an entity type', { entities: [{ type: 'PERSON\uD800', count: 1 }] }],
    ['lone surrogate in a model id', { models: { embed: 'm\uDBFF', ner: 'n' } }],
    ['lone surrogate in lang', { lang: 'en\uD800' }],
  ];
  for (const [name, patch] of bad) {
    it(`rejects ${name}`, () => {
      expect(signalSchema.safeParse({ ...makeSignal(), ...patch }).success).toBe(false);
    });
  }
});
