import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import nacl from 'tweetnacl';
import {
  base64ToBytes,
  bytesToBase64,
  envelopeSigningBytes,
  signBytes,
  utf8Encode,
  generateDeviceKeyPair,
  generateEncryptionKeyPair,
  sealBundle,
  verifyIngestReceipt,
  type BundleEnvelope,
  type BundlePlaintext,
  type DeviceKeyPair,
  WIRE_VERSION,
} from '../../utils/wire/index';
import { makePlaintext, makeSignal, seal } from '../../test/unit/wire/fixtures';
import { startHarness, type Harness } from './harness';

let h: Harness;
let device: DeviceKeyPair;

beforeEach(async () => {
  h = await startHarness();
  device = generateDeviceKeyPair();
});
afterEach(async () => h.close());

const post = (body: unknown) => h.app.inject({ method: 'POST', url: '/v1/bundles', payload: body as object });

async function expectNothingStored(): Promise<void> {
  expect(await h.count('bundles')).toBe(0);
  expect(await h.count('signals')).toBe(0);
  expect(await h.count('ledger')).toBe(0);
}

/** sealBundle validates the plaintext, so a bad one is sealed by hand with the same primitives. */
function sealUnchecked(plain: BundlePlaintext): BundleEnvelope {
  const eph = nacl.box.keyPair();
  const nonce = nacl.randomBytes(24);
  const unsigned = {
    v: WIRE_VERSION,
    bundleId: plain.bundleId,
    devicePub: device.publicKey,
    createdAt: plain.createdAt,
    collectorKeyId: h.collector.keyId,
    ephemeralPub: bytesToBase64(eph.publicKey),
    nonce: bytesToBase64(nonce),
    ciphertext: bytesToBase64(nacl.box(utf8Encode(JSON.stringify(plain)), nonce, h.collector.publicKey, eph.secretKey)),
  };
  return { ...unsigned, sig: signBytes(envelopeSigningBytes(unsigned), device.secretKey) };
}

describe('POST /v1/bundles', () => {
  it('accepts a sealed bundle, stores its signals and credits the device', async () => {
    const plain = makePlaintext(device);
    const env = seal(plain, h.collector, device);
    const res = await post(env);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ accepted: true, bundleId: plain.bundleId, duplicate: false });
    expect(verifyIngestReceipt(body.receipt, h.keys.receipt.publicKey)).toBe(true);
    expect(body.receipt.signalIds).toEqual(plain.signals.map((s) => s.id));
    expect(body.receipt.credited).toBe(2);

    const rows = await h.query('SELECT * FROM signals WHERE bundle_id = ? ORDER BY id', plain.bundleId);
    expect(rows).toHaveLength(2);
    const first = plain.signals.find((s) => s.id === rows[0]!.id)!;
    expect(rows[0]).toMatchObject({
      device_pub: device.publicKey,
      origin: first.origin,
      dims: 16,
      model_embed: first.models.embed,
      model_ner: first.models.ner,
      visited_at: first.visitedAt,
    });
    // The content is in the row only sealed under the bundle's key; opened, it is what the device sent,
    // the embedding as the vector codec's bytes.
    expect(Buffer.from(rows[0]!.sealed as Uint8Array).includes(first.text)).toBe(false);
    const content = await h.signalContent(first.id);
    expect(content).toMatchObject({ title: first.title, text: first.text, entities: first.entities });
    expect(bytesToBase64(content!.embedding)).toBe(first.embedding);
    expect(await h.envelopeOf(plain.bundleId)).toEqual(env);
    const [bundle] = await h.query('SELECT signal_count FROM bundles WHERE bundle_id = ?', plain.bundleId);
    expect(bundle!.signal_count).toBe(2);

    const bal = await h.app.inject({ method: 'GET', url: `/v1/devices/${device.publicKey}/balance` });
    expect(bal.json()).toEqual({ devicePub: device.publicKey, balance: 2, bundles: 1, signals: 2 });
  });

  it('answers a replay idempotently with the original receipt and no second credit', async () => {
    const env = seal(makePlaintext(device), h.collector, device);
    const first = (await post(env)).json();
    const again = await post(env);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first, duplicate: true });
    expect(await h.count('bundles')).toBe(1);
    expect(await h.count('ledger')).toBe(1);
    const bal = (await h.app.inject({ method: 'GET', url: `/v1/devices/${device.publicKey}/balance` })).json();
    expect(bal.balance).toBe(2);
  });

  it('refuses the same bundleId with a different envelope (409)', async () => {
    const plain = makePlaintext(device);
    await post(seal(plain, h.collector, device));
    const res = await post(seal({ ...plain, signals: [makeSignal()] }, h.collector, device));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('bundle_conflict');
    expect(await h.count('ledger')).toBe(1);
  });

  it('keeps no blob of the versions refused when one bundleId arrives in sixteen versions at once', async () => {
    const plain = makePlaintext(device);
    const versions = Array.from({ length: 16 }, () => seal({ ...plain, signals: [makeSignal()] }, h.collector, device));
    const answers = await Promise.all(versions.map(post));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, ...Array<number>(15).fill(409)]);
    const [stored] = await h.query('SELECT cid FROM bundles');
    expect(h.blobFiles()).toEqual([stored!.cid]);
  });

  it('keeps the one blob when sixteen copies of an envelope arrive at once', async () => {
    const env = seal(makePlaintext(device), h.collector, device);
    const answers = await Promise.all(Array.from({ length: 16 }, () => post(env)));
    expect(answers.map((r) => r.statusCode)).toEqual(Array<number>(16).fill(200));
    const [stored] = await h.query('SELECT cid FROM bundles');
    expect(h.blobFiles()).toEqual([stored!.cid]);
  });

  it('refuses a bad signature with 401 and stores nothing', async () => {
    const env = seal(makePlaintext(device), h.collector, device);
    const res = await post({ ...env, sig: '0'.repeat(128) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('bad_signature');
    await expectNothingStored();
  });

  it('refuses a valid signature over a changed body', async () => {
    const env = seal(makePlaintext(device), h.collector, device);
    const other = seal(makePlaintext(device), h.collector, device);
    // Swap in another bundle's ciphertext, keep the original signature.
    const res = await post({ ...env, ciphertext: other.ciphertext });
    expect(res.statusCode).toBe(401);
    const res2 = await post({ ...env, createdAt: env.createdAt - 1 });
    expect(res2.statusCode).toBe(401);
    await expectNothingStored();
  });

  it('refuses an envelope re-signed by another device (inner devicePub mismatch)', async () => {
    const victim = makePlaintext(device);
    const env = seal(victim, h.collector, device);
    const thief = generateDeviceKeyPair();
    // The thief re-wraps the victim's ciphertext in its own signed envelope.
    const { sig: _sig, ...rest } = env;
    const unsigned = { ...rest, devicePub: thief.publicKey };
    const rewrapped: BundleEnvelope = { ...unsigned, sig: signBytes(envelopeSigningBytes(unsigned), thief.secretKey) };
    const res = await post(rewrapped);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('envelope_mismatch');
    await expectNothingStored();
  });

  it('refuses an inner bundleId that differs from the envelope', async () => {
    const plain = makePlaintext(device);
    const env = seal(plain, h.collector, device);
    const { sig: _sig, ...rest } = env;
    const unsigned = { ...rest, bundleId: randomUUID() };
    const res = await post({ ...unsigned, sig: signBytes(envelopeSigningBytes(unsigned), device.secretKey) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('envelope_mismatch');
    await expectNothingStored();
  });

  it('refuses an unknown collector key id', async () => {
    const env = seal(makePlaintext(device), generateEncryptionKeyPair(), device);
    const res = await post(env);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('unknown_collector_key');
    await expectNothingStored();
  });

  it('refuses a bundle sealed to another key but labelled with ours', async () => {
    const stranger = generateEncryptionKeyPair();
    const env = sealBundle(makePlaintext(device), { collectorPub: stranger.publicKey, collectorKeyId: h.collector.keyId }, device.secretKey);
    const res = await post(env);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('decrypt_failed');
    await expectNothingStored();
  });

  it('refuses createdAt outside the skew window, both directions', async () => {
    for (const delta of [-11 * 60_000, 11 * 60_000]) {
      const env = seal(makePlaintext(device, { createdAt: Date.now() + delta }), h.collector, device);
      const res = await post(env);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('clock_skew');
    }
    await expectNothingStored();
  });

  it('refuses schema errors with a clear 400', async () => {
    const env = seal(makePlaintext(device), h.collector, device);
    const cases: unknown[] = [
      {},
      [],
      { ...env, v: 1 },
      { ...env, bundleId: 'not-a-uuid' },
      { ...env, devicePub: device.publicKey.toUpperCase() },
      { ...env, nonce: bytesToBase64(base64ToBytes(env.nonce).slice(0, 23)) },
      { ...env, extra: true },
      { ...env, createdAt: String(env.createdAt) },
    ];
    for (const body of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
      expect(res.json().error.code).toBe('invalid_envelope');
    }
    await expectNothingStored();
  });

  it('refuses a plaintext that fails the signal schema', async () => {
    const res = await post(sealUnchecked(makePlaintext(device, { signals: [makeSignal({ origin: 'https://example.com/secret/path' })] })));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_plaintext');
    await expectNothingStored();
  });

  it('refuses a title or text holding a lone surrogate (half an emoji) rather than storing it altered', async () => {
    for (const signal of [makeSignal({ title: 'Rivers \uD83D' }), makeSignal({ text: 'Broken \uDE00 half' }), makeSignal({ lang: 'e\uD800' })]) {
      const res = await post(sealUnchecked(makePlaintext(device, { signals: [signal] })));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_plaintext');
    }
    await expectNothingStored();
    // Whole emoji are well-formed and come back from the database unchanged.
    const whole = makeSignal({ title: 'Rivers 🌊 and valleys', text: 'Flowing 😀 water' });
    expect((await post(seal(makePlaintext(device, { signals: [whole] }), h.collector, device))).statusCode).toBe(200);
    expect(await h.query('SELECT id FROM signals')).toEqual([{ id: whole.id }]);
    expect(await h.signalContent(whole.id)).toMatchObject({ title: whole.title, text: whole.text });
  });

  it('refuses a signal id already stored under another bundle', async () => {
    const s = makeSignal();
    await post(seal(makePlaintext(device, { signals: [s] }), h.collector, device));
    const res = await post(seal(makePlaintext(device, { signals: [s, makeSignal()] }), h.collector, device));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('signal_conflict');
    expect(await h.count('bundles')).toBe(1);
    expect(await h.count('signals')).toBe(1);
    expect(await h.count('ledger')).toBe(1);
  });
});

describe('GET /v1/keys and /health', () => {
  it('publishes the current encryption key and the receipt key', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/keys' });
    expect(res.json()).toEqual({
      encryption: [{ keyId: h.collector.keyId, publicKey: bytesToBase64(h.collector.publicKey), current: true }],
      receipt: { keyId: h.keys.receipt.keyId, publicKey: h.keys.receipt.publicKey },
    });
    expect((await h.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ ok: true });
  });

  it('returns a zero balance for an unknown device and 400 for a malformed one', async () => {
    const pub = generateDeviceKeyPair().publicKey;
    expect((await h.app.inject({ method: 'GET', url: `/v1/devices/${pub}/balance` })).json()).toEqual({
      devicePub: pub,
      balance: 0,
      bundles: 0,
      signals: 0,
    });
    const bad = await h.app.inject({ method: 'GET', url: '/v1/devices/xyz/balance' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('CORS', () => {
  it('grants extension origins and not web origins', async () => {
    const ext = await h.app.inject({ method: 'OPTIONS', url: '/v1/bundles', headers: { origin: 'chrome-extension://abcdefghijklmnop' } });
    expect(ext.statusCode).toBe(204);
    expect(ext.headers['access-control-allow-origin']).toBe('chrome-extension://abcdefghijklmnop');
    const web = await h.app.inject({ method: 'GET', url: '/v1/keys', headers: { origin: 'https://evil.example' } });
    expect(web.headers['access-control-allow-origin']).toBeUndefined();
  });
});
