// Hostile input against the running collector process: every case must get a
// clear 4xx with an `{ error: { code, message } }` body, the process must stay
// healthy, and nothing beyond the one legitimate bundle may be stored.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  envelopeSigningBytes,
  generateDeviceKeyPair,
  generateEncryptionKeyPair,
  sealBundle,
  signBytes,
  signDeletionRequest,
  type BundleEnvelope,
  type DeviceKeyPair,
} from '../../utils/wire/index';
import { makePlaintext } from '../../test/unit/wire/fixtures';
import { SQLITE_FILE_NAME } from '../src/db/sqlite';
import { tempDir } from './harness';
import { parseRawReply, postJson, rawRequest, rawSocket, rawSocketReply, startCollector, type RawResponse, type RunningCollector } from './process';

let c: RunningCollector;
let dataDir: string;
let device: DeviceKeyPair;
let collectorKey: { collectorPub: Uint8Array; collectorKeyId: string };
let receiptKeyId: string;
let legit: BundleEnvelope;
let tried = 0;

type Counts = { bundles: number; signals: number; ledger: number; deletion_requests: number };
let baseline: Counts;

function counts(): Counts {
  const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    const n = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { bundles: n('bundles'), signals: n('signals'), ledger: n('ledger'), deletion_requests: n('deletion_requests') };
  } finally {
    db.close();
  }
}

const post = (body: unknown) => postJson(c.port, '/v1/bundles', body);
const fresh = () => sealBundle(makePlaintext(device), collectorKey, device.secretKey);
function resign(env: Omit<BundleEnvelope, 'sig'>, d: DeviceKeyPair = device): BundleEnvelope {
  return { ...env, sig: signBytes(envelopeSigningBytes(env), d.secretKey) };
}

/** Runs one hostile case: 4xx, a JSON error body with a code, and (optionally) a specific status. */
async function expect4xx(name: string, send: () => Promise<RawResponse>, status?: number): Promise<RawResponse> {
  tried++;
  const res = await send();
  expect(res.status, `${name}: ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, name).toBeLessThan(500);
  if (status) expect(res.status, `${name}: ${res.body.slice(0, 200)}`).toBe(status);
  const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, name).toBe('string');
  expect(typeof body.error?.message, name).toBe('string');
  return res;
}

beforeAll(async () => {
  dataDir = tempDir();
  c = await startCollector(dataDir);
  const keys = JSON.parse((await rawRequest(c.port, { method: 'GET', path: '/v1/keys' })).body);
  collectorKey = { collectorPub: base64ToBytes(keys.encryption[0].publicKey), collectorKeyId: keys.encryption[0].keyId };
  receiptKeyId = keys.receipt.keyId;
  device = generateDeviceKeyPair();
  legit = fresh();
  expect((await post(legit)).status).toBe(200);
  baseline = counts();
  expect(baseline).toMatchObject({ bundles: 1, signals: 2, ledger: 1 });
});

afterAll(async () => {
  await c?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('hostile input against the running collector', () => {
  it('malformed JSON', async () => {
    const bodies = ['{', '{"v":1,', '}{', 'nul', '[1,2', '{"a":1}}', "{'v':1}", '{"v":01}', '\u0000', '\xff\xfe{}', '['.repeat(50_000) + ']'.repeat(50_000)];
    for (const body of bodies) {
      await expect4xx(`malformed ${JSON.stringify(body.slice(0, 20))}`, () =>
        rawRequest(c.port, { method: 'POST', path: '/v1/bundles', headers: { 'content-type': 'application/json' }, body }),
      );
    }
    for (const body of ['null', '[]', '"x"', '42', 'true', '{}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}']) {
      await expect4xx(`json ${body}`, () =>
        rawRequest(c.port, { method: 'POST', path: '/v1/bundles', headers: { 'content-type': 'application/json' }, body }),
      );
    }
  });

  it('wrong types in every envelope field, and missing fields', async () => {
    const wrong: unknown[] = [null, 1, -1.5, 'x', true, [], {}, 'A'.repeat(100)];
    for (const field of Object.keys(legit) as (keyof BundleEnvelope)[]) {
      for (const value of wrong) {
        if (value === legit[field]) continue;
        // 400 from the schema, or 401 where the wrong value still has the right shape (e.g. 'AAAA…' is base64).
        await expect4xx(`${field}=${JSON.stringify(value).slice(0, 12)}`, () => post({ ...legit, [field]: value }));
      }
      const { [field]: _dropped, ...missing } = legit;
      await expect4xx(`missing ${field}`, () => post(missing), 400);
    }
    await expect4xx('extra field', () => post({ ...legit, extra: 1 }), 400);
    await expect4xx('number as string', () => post({ ...legit, createdAt: `${legit.createdAt}` }), 400);
    await expect4xx('float createdAt', () => post({ ...legit, createdAt: legit.createdAt + 0.5 }), 400);
  });

  it('huge bodies and huge fields', async () => {
    const huge = JSON.stringify({ ...legit, ciphertext: 'A'.repeat(10 * 1024 * 1024) });
    const head = (extra: string) => `POST /v1/bundles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${extra}\r\n`;
    // Announced by Content-Length: refused from the header alone, before any body byte is read.
    await expect4xx('10 MiB body announced', async () => parseRawReply(await rawSocketReply(c.port, head(`Content-Length: ${huge.length}\r\n`))), 413);
    // Chunked, so the server only learns the size while reading.
    const chunked = `${huge.length.toString(16)}\r\n${huge}\r\n0\r\n\r\n`;
    await expect4xx('10 MiB chunked body', async () => parseRawReply(await rawSocketReply(c.port, head('Transfer-Encoding: chunked\r\n') + chunked)), 413);
    await expect4xx('8.5 MiB ciphertext under the body limit', () => post({ ...legit, ciphertext: 'A'.repeat(8.5 * 1024 * 1024) }), 400);
    await expect4xx('1 MiB bundleId', () => post({ ...legit, bundleId: 'a'.repeat(1024 * 1024) }), 400);
    await expect4xx('1 MiB sig', () => post({ ...legit, sig: 'a'.repeat(1024 * 1024) }), 400);
    await expect4xx('100k extra keys', () => post(Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]))), 400);
    await expect4xx('huge deletion request', () => postJson(c.port, '/v1/deletions', { scope: { kind: 'bundles', bundleIds: Array(200_000).fill(randomUUID()) } }), 400);
  });

  it('bad and missing signatures', async () => {
    const env = fresh();
    const sigs = ['0'.repeat(128), 'f'.repeat(128), env.sig.toUpperCase(), env.sig.slice(0, 126), `${env.sig}00`, '', resign(env, generateDeviceKeyPair()).sig];
    for (const sig of sigs) await expect4xx(`sig ${sig.slice(0, 8)}…(${sig.length})`, () => post({ ...env, sig }));
    const { sig: _s, ...unsigned } = env;
    await expect4xx('missing sig', () => post(unsigned), 400);
    await expect4xx('another device signs for this devicePub', () => post({ ...env, sig: resign(env, generateDeviceKeyPair()).sig }), 401);
  });

  it('a valid signature over a changed body', async () => {
    const env = fresh();
    const other = fresh();
    const flip = (b64: string) => {
      const b = base64ToBytes(b64);
      b[0]! ^= 1;
      return bytesToBase64(b);
    };
    const changes: Partial<BundleEnvelope>[] = [
      { bundleId: randomUUID() },
      { devicePub: generateDeviceKeyPair().publicKey },
      { createdAt: env.createdAt + 1 },
      { ephemeralPub: other.ephemeralPub },
      { nonce: flip(env.nonce) },
      { ciphertext: other.ciphertext },
      { ciphertext: flip(env.ciphertext) },
      { ciphertext: env.ciphertext.slice(0, -4) },
    ];
    for (const change of changes) await expect4xx(`changed ${Object.keys(change)[0]}`, () => post({ ...env, ...change }), 401);
  });

  it('replays and conflicting reuse of a bundleId', async () => {
    tried++;
    const replay = await post(legit);
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body).duplicate).toBe(true);
    const plain = makePlaintext(device, { bundleId: legit.bundleId, createdAt: Date.now() });
    await expect4xx('same bundleId, other content', () => post(sealBundle(plain, collectorKey, device.secretKey)), 409);
    await expect4xx('replay with a swapped ephemeral key', () => post({ ...legit, ephemeralPub: fresh().ephemeralPub }), 401);
    const del = signDeletionRequest({ scope: { kind: 'bundles', bundleIds: [randomUUID()] }, ts: Date.now() }, generateDeviceKeyPair().secretKey);
    tried++;
    expect((await postJson(c.port, '/v1/deletions', del)).status).toBe(200);
    await expect4xx('replayed deletion request', () => postJson(c.port, '/v1/deletions', del), 409);
  });

  it('old, future and absurd timestamps', async () => {
    for (const delta of [-11 * 60_000, -3_600_000, -86_400_000 * 30, 11 * 60_000, 86_400_000]) {
      const env = sealBundle(makePlaintext(device, { createdAt: Date.now() + delta }), collectorKey, device.secretKey);
      await expect4xx(`createdAt ${delta}`, () => post(env), 400);
    }
    for (const createdAt of [0, -1, 946_684_800_000, 1e20, Number.MAX_SAFE_INTEGER]) {
      const { sig: _s, ...u } = fresh();
      await expect4xx(`createdAt=${createdAt}`, () => post(resign({ ...u, createdAt })), 400);
    }
    const oldDeletion = signDeletionRequest({ scope: { kind: 'all' }, ts: Date.now() - 3_600_000 }, device.secretKey);
    await expect4xx('stale deletion ts', () => postJson(c.port, '/v1/deletions', oldDeletion), 400);
  });

  it('unknown keys', async () => {
    const stranger = generateEncryptionKeyPair();
    await expect4xx('unknown collectorKeyId', () => post(sealBundle(makePlaintext(device), { collectorPub: stranger.publicKey, collectorKeyId: stranger.keyId }, device.secretKey)), 400);
    await expect4xx('receipt key id as collectorKeyId', () => post(sealBundle(makePlaintext(device), { ...collectorKey, collectorKeyId: receiptKeyId }, device.secretKey)), 400);
    await expect4xx('our key id, stranger key', () => post(sealBundle(makePlaintext(device), { ...collectorKey, collectorPub: stranger.publicKey }, device.secretKey)), 400);
    const { sig: _s, ...u } = fresh();
    await expect4xx('uppercase key id', () => post(resign({ ...u, collectorKeyId: u.collectorKeyId.toUpperCase() })), 400);
  });

  it('path tricks', async () => {
    const paths = [
      '/v1/devices/../../etc/passwd',
      '/v1/devices/..%2f..%2fetc%2fpasswd/balance',
      '/v1/devices/%2e%2e%2f%2e%2e%2fetc%2fpasswd/balance',
      '/v1/devices/%252e%252e%252fetc%252fpasswd/balance',
      '/v1/devices/..%5c..%5cetc%5cpasswd/balance',
      `/v1/devices/${device.publicKey}%00/balance`,
      `/v1/devices/${device.publicKey}/balance/../../../etc/passwd`,
      `/v1/devices/${device.publicKey.toUpperCase()}/balance`,
      `/v1/devices/${'a'.repeat(64)}'%20OR%201=1--/balance`,
      '/v1/devices//balance',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '//etc/passwd',
      '/v1/keys/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      `/v1/devices/${'a'.repeat(20_000)}/balance`,
      '/v1/devices/%ff%fe/balance',
      '/v1/devices/%/balance',
    ];
    for (const path of paths) {
      const res = await expect4xx(`GET ${path.slice(0, 60)}`, () => rawRequest(c.port, { method: 'GET', path }));
      expect(res.body).not.toContain('root:');
    }
  });

  it('unknown routes and methods', async () => {
    const routes: [string, string][] = [
      ['GET', '/admin'],
      ['GET', '/v1/bundles'],
      ['PUT', '/v1/bundles'],
      ['DELETE', '/v1/bundles'],
      ['PATCH', '/v1/keys'],
      ['POST', '/v1/keys'],
      ['POST', '/health'],
      ['GET', '/v2/bundles'],
      ['GET', '/v1/deletions'],
      ['GET', '/.env'],
      ['GET', '/collector.sqlite'],
      ['GET', '/keys.json'],
    ];
    for (const [method, path] of routes) {
      await expect4xx(`${method} ${path}`, () => rawRequest(c.port, { method, path, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' }));
    }
  });

  it('garbage on the wire', async () => {
    const garbage = ['GARBAGE\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', `GET /health HTTP/1.1\r\nHost: x\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`, 'POST /v1/bundles HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'];
    for (const g of garbage) {
      tried++;
      const reply = await rawSocket(c.port, g);
      expect(reply, g.slice(0, 20)).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(reply).toContain('"error":{"code"');
    }
  });

  it('wrong content types', async () => {
    const body = JSON.stringify(fresh());
    const types = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream', 'image/png'];
    for (const type of types) {
      await expect4xx(type, () => rawRequest(c.port, { method: 'POST', path: '/v1/bundles', headers: { 'content-type': type }, body }), 415);
    }
    await expect4xx('no content-type', () => rawRequest(c.port, { method: 'POST', path: '/v1/bundles', body }));
    await expect4xx('empty json body', () => rawRequest(c.port, { method: 'POST', path: '/v1/bundles', headers: { 'content-type': 'application/json' }, body: '' }), 400);
    await expect4xx('deletion as text/plain', () => rawRequest(c.port, { method: 'POST', path: '/v1/deletions', headers: { 'content-type': 'text/plain' }, body: '{}' }), 415);
  });

  it('stays healthy and stored nothing but the legitimate bundle', async () => {
    const health = await rawRequest(c.port, { method: 'GET', path: '/health' });
    expect(health.status).toBe(200);
    // One accepted deletion (for unknown bundle ids) is the only new row.
    expect(counts()).toEqual({ ...baseline, deletion_requests: baseline.deletion_requests + 1 });
    expect(c.child.exitCode).toBeNull();
    // Logs must not carry personal data or client addresses.
    const requestLines = c.logs().split('\n').filter((l) => l.includes('"reqId"'));
    expect(requestLines.length).toBeGreaterThan(100);
    for (const line of requestLines) expect(line).not.toMatch(/127\.0\.0\.1|remoteAddress|"ip"|"url"/);
    expect(c.logs()).not.toContain(device.publicKey);
    console.log(`hostile-input: ${tried} cases tried`);
    expect(tried).toBeGreaterThan(100);
  });
});
