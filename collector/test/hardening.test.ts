import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDeviceKeyPair, sealBundle, signDeletionRequest } from '../../utils/wire/index';
import { makePlaintext, seal } from '../../test/unit/wire/fixtures';
import { loadConfig } from '../src/config';
import { currentEncryptionKey, loadOrCreateKeys } from '../src/key-material';
import { buildServer } from '../src/server';
import { forgedDeletions, forgedEnvelopes } from './ed25519-forgery';
import { startHarness, tempDir, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('rate limits', () => {
  it('limits per client address with 429 and Retry-After', async () => {
    h = await startHarness({ COLLECTOR_RATE_IP_PER_MIN: '3' });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await h.app.inject({ method: 'GET', url: '/v1/keys' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const limited = await h.app.inject({ method: 'GET', url: '/v1/keys' });
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Health stays reachable for probes.
    expect((await h.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('limits per device, independently of other devices, charged only after the signature verifies', async () => {
    h = await startHarness({ COLLECTOR_RATE_DEVICE_PER_MIN: '2' });
    const busy = generateDeviceKeyPair();
    const quiet = generateDeviceKeyPair();
    const post = (payload: object) => h!.app.inject({ method: 'POST', url: '/v1/bundles', payload });
    // Forgeries naming the quiet device do not spend its budget.
    for (let i = 0; i < 3; i++) {
      expect((await post({ ...seal(makePlaintext(quiet), h.collector, quiet), sig: '0'.repeat(128) })).statusCode).toBe(401);
    }
    expect((await post(seal(makePlaintext(busy), h.collector, busy))).statusCode).toBe(200);
    expect((await post(seal(makePlaintext(busy), h.collector, busy))).statusCode).toBe(200);
    const third = await post(seal(makePlaintext(busy), h.collector, busy));
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBeDefined();
    // Deletions count against the same device budget.
    const del = await h.app.inject({ method: 'POST', url: '/v1/deletions', payload: signDeletionRequest({ scope: { kind: 'all' }, ts: Date.now() }, busy.secretKey) });
    expect(del.statusCode).toBe(429);
    expect((await post(seal(makePlaintext(quiet), h.collector, quiet))).statusCode).toBe(200);
    expect(await h.count('bundles')).toBe(3);
  });
});

describe('signatures forged under small-order keys', () => {
  it('are refused by POST /v1/bundles (401, nothing stored or credited)', async () => {
    h = await startHarness();
    const forged = forgedEnvelopes(h.collector);
    expect(forged.length).toBeGreaterThan(0);
    for (const env of forged) {
      const res = await h.app.inject({ method: 'POST', url: '/v1/bundles', payload: env });
      expect(res.statusCode, env.devicePub).toBe(401);
      expect(res.json().error.code).toBe('bad_signature');
    }
    expect(await h.count('bundles')).toBe(0);
    expect(await h.count('ledger')).toBe(0);
  });

  it('are refused by POST /v1/deletions (401, no request recorded)', async () => {
    h = await startHarness();
    const forged = forgedDeletions({ kind: 'all' }, Date.now());
    expect(forged.length).toBeGreaterThan(0);
    for (const req of forged) {
      const res = await h.app.inject({ method: 'POST', url: '/v1/deletions', payload: req });
      expect(res.statusCode, req.devicePub).toBe(401);
      expect(res.json().error.code).toBe('bad_signature');
    }
    expect(await h.count('deletion_requests')).toBe(0);
  });
});

describe('health', () => {
  it('reports 503 when the store cannot answer', async () => {
    const config = loadConfig({ COLLECTOR_DATA_DIR: tempDir(), COLLECTOR_LOG_LEVEL: 'silent' });
    const { openSqliteStore } = await import('../src/db/sqlite');
    const store = openSqliteStore(resolve(config.dataDir, 'x.sqlite'));
    const app = buildServer(config, { store });
    try {
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      await store.close();
      const res = await app.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('unhealthy');
    } finally {
      await app.close();
    }
  });
});

describe('collector keys', () => {
  it('creates the key file with mode 0600 and reuses it', () => {
    const config = loadConfig({ COLLECTOR_DATA_DIR: tempDir() });
    const first = loadOrCreateKeys(config);
    expect(statSync(config.keyFile).mode & 0o777).toBe(0o600);
    const second = loadOrCreateKeys(config);
    expect(currentEncryptionKey(second).keyId).toBe(currentEncryptionKey(first).keyId);
    expect(second.receipt.publicKey).toBe(first.receipt.publicKey);
  });

  it('reads keys from COLLECTOR_KEYS_JSON without touching the key file', () => {
    const dir = tempDir();
    const made = loadConfig({ COLLECTOR_DATA_DIR: dir });
    loadOrCreateKeys(made);
    const json = readFileSync(made.keyFile, 'utf8');
    const fromEnv = loadConfig({ COLLECTOR_DATA_DIR: tempDir(), COLLECTOR_KEYS_JSON: json });
    const keys = loadOrCreateKeys(fromEnv);
    expect(keys.receipt.publicKey).toBe(JSON.parse(json).receipt.publicKey);
    expect(() => statSync(fromEnv.keyFile)).toThrow();
    expect(() => loadOrCreateKeys({ ...fromEnv, keysJson: '{"v":1}' })).toThrow();
  });

  it('rotates with the CLI: new current key, old key still opens bundles sealed to it', async () => {
    const dataDir = tempDir();
    const env = { COLLECTOR_DATA_DIR: dataDir, COLLECTOR_LOG_LEVEL: 'silent' };
    const config = loadConfig(env);
    const before = currentEncryptionKey(loadOrCreateKeys(config));
    const device = generateDeviceKeyPair();
    const sealedToOld = sealBundle(makePlaintext(device), { collectorPub: before.publicKey, collectorKeyId: before.keyId }, device.secretKey);

    const root = resolve(import.meta.dirname, '../..');
    const out = execFileSync(resolve(root, 'node_modules/.bin/tsx'), ['collector/src/rotate-keys.ts'], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    const rotated = JSON.parse(out.trim().split('\n').pop()!);
    expect(rotated).toMatchObject({ rotated: true, previous: before.keyId });
    expect(statSync(config.keyFile).mode & 0o777).toBe(0o600);

    const keys = loadOrCreateKeys(config);
    const app = buildServer(config, { keys });
    try {
      const published = (await app.inject({ method: 'GET', url: '/v1/keys' })).json();
      expect(published.encryption.map((k: { keyId: string; current: boolean }) => [k.keyId, k.current])).toEqual([
        [before.keyId, false],
        [rotated.current, true],
      ]);
      expect((await app.inject({ method: 'POST', url: '/v1/bundles', payload: sealedToOld })).statusCode).toBe(200);
      const now = currentEncryptionKey(keys);
      const sealedToNew = sealBundle(makePlaintext(device), { collectorPub: now.publicKey, collectorKeyId: now.keyId }, device.secretKey);
      expect((await app.inject({ method: 'POST', url: '/v1/bundles', payload: sealedToNew })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
