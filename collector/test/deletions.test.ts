import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../src/db/sqlite';
import {
  generateDeviceKeyPair,
  signDeletionRequest,
  verifyReceipt,
  type DeletionScope,
  type DeviceKeyPair,
} from '../../utils/wire/index';
import { HOUR_MS, makePlaintext, makeSignal } from '../../test/unit/wire/fixtures';
import { startHarness, testBackend, type Harness } from './harness';

let h: Harness;
let device: DeviceKeyPair;

beforeEach(async () => {
  h = await startHarness();
  device = generateDeviceKeyPair();
});
afterEach(async () => h.close());

async function submit(d: DeviceKeyPair, signals = [makeSignal(), makeSignal()]) {
  const plain = makePlaintext(d, { signals });
  await h.submit(plain, d);
  return plain;
}

const del = (body: unknown) => h.app.inject({ method: 'POST', url: '/v1/deletions', payload: body as object });
const request = (d: DeviceKeyPair, scope: DeletionScope, ts = Date.now()) => signDeletionRequest({ scope, ts }, d.secretKey);

function rowsFor(table: 'signals' | 'bundles', col: string, value: string): Promise<Record<string, unknown>[]> {
  return h.query(`SELECT * FROM ${table} WHERE ${col} = ?`, value);
}

async function balance(d: DeviceKeyPair) {
  return (await h.app.inject({ method: 'GET', url: `/v1/devices/${d.publicKey}/balance` })).json();
}

describe('POST /v1/deletions', () => {
  it('deletes all of a device’s data, debits its credit and returns a receipt that verifies', async () => {
    const a = await submit(device);
    const b = await submit(device);
    const bystander = generateDeviceKeyPair();
    const kept = await submit(bystander);

    const res = await del(request(device, { kind: 'all' }));
    expect(res.statusCode).toBe(200);
    const { receipt } = res.json();
    expect(verifyReceipt(receipt, h.keys.receipt.publicKey)).toBe(true);
    expect(new Set(receipt.deleted)).toEqual(new Set([...a.signals, ...b.signals].map((s) => s.id)));
    expect(new Set(receipt.deletedBundles)).toEqual(new Set([a.bundleId, b.bundleId]));
    expect(receipt.debited).toBe(4);
    // The device's key and the two bundle keys under it.
    expect(receipt.destroyedKeys.map((k: { kind: string }) => k.kind).sort()).toEqual(['bundle', 'bundle', 'device']);

    // Really gone: no signal rows, no envelope left for this device, and no key that opens a copy of either.
    expect(await rowsFor('signals', 'device_pub', device.publicKey)).toHaveLength(0);
    for (const row of await rowsFor('bundles', 'device_pub', device.publicKey)) {
      expect(await h.envelopeOf(row.bundle_id as string)).toBeNull();
      expect(await h.keyring.bundleKey(device.publicKey, row.bundle_id as string)).toBeNull();
      expect(row.receipt_json).toBeNull();
      expect(row.deleted_at).not.toBeNull();
    }
    expect(await balance(device)).toEqual({ devicePub: device.publicKey, balance: 0, bundles: 0, signals: 0 });
    // The ledger keeps the audit trail: two credits and two deletion debits.
    const ledger = await h.query('SELECT kind, amount FROM ledger WHERE device_pub = ? ORDER BY id', device.publicKey);
    expect(ledger).toEqual([
      { kind: 'credit', amount: 2 },
      { kind: 'credit', amount: 2 },
      { kind: 'deletion', amount: -2 },
      { kind: 'deletion', amount: -2 },
    ]);
    // Another device's data is untouched.
    expect(await rowsFor('signals', 'bundle_id', kept.bundleId)).toHaveLength(2);
    expect((await balance(bystander)).balance).toBe(2);
  });

  it('deletes by site and purges the envelopes that contained it, keeping other signals', async () => {
    const target = makeSignal({ origin: 'https://private.example' });
    const other = makeSignal({ origin: 'https://public.example' });
    const plain = await submit(device, [target, other]);
    const res = await del(request(device, { kind: 'site', origin: 'https://private.example' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().receipt).toMatchObject({ deleted: [target.id], deletedBundles: [plain.bundleId], debited: 1 });
    expect(await rowsFor('signals', 'origin', 'https://private.example')).toHaveLength(0);
    expect(await rowsFor('signals', 'id', other.id)).toHaveLength(1);
    expect(await h.envelopeOf(plain.bundleId)).toBeNull();
    // The bundle's key is destroyed; the signal it keeps moved to a fresh key and still opens.
    expect(res.json().receipt.destroyedKeys).toEqual([{ kind: 'bundle', keyId: expect.stringMatching(/^[0-9a-f]{16}$/) }]);
    expect(await h.signalContent(other.id)).toMatchObject({ text: other.text });
    expect((await balance(device)).balance).toBe(1);
  });

  it('deletes by UTC day of visit and by bundle id', async () => {
    const day = Date.parse('2026-11-24T00:00:00Z');
    const yesterday = makeSignal({ visitedAt: day + 5 * HOUR_MS });
    const today = makeSignal({ visitedAt: day + 30 * HOUR_MS });
    await submit(device, [yesterday, today]);
    const byDay = (await del(request(device, { kind: 'day', day: '2026-11-24' }))).json().receipt;
    expect(byDay.deleted).toEqual([yesterday.id]);

    const second = await submit(device);
    const byBundle = (await del(request(device, { kind: 'bundles', bundleIds: [second.bundleId] }))).json().receipt;
    expect(new Set(byBundle.deleted)).toEqual(new Set(second.signals.map((s) => s.id)));
    expect(await rowsFor('signals', 'bundle_id', second.bundleId)).toHaveLength(0);
    expect(await rowsFor('signals', 'id', today.id)).toHaveLength(1);
  });

  it('deletes single signals by id and purges the envelope that held them', async () => {
    const gone = makeSignal();
    const kept = makeSignal();
    const plain = await submit(device, [gone, kept]);
    const res = await del(request(device, { kind: 'signals', signalIds: [gone.id] }));
    expect(res.statusCode).toBe(200);
    expect(res.json().receipt).toMatchObject({ deleted: [gone.id], deletedBundles: [plain.bundleId], debited: 1 });
    expect(await rowsFor('signals', 'id', gone.id)).toHaveLength(0);
    expect(await rowsFor('signals', 'id', kept.id)).toHaveLength(1);
    expect(await h.envelopeOf(plain.bundleId)).toBeNull();
    expect(await h.signalContent(kept.id)).toMatchObject({ text: kept.text });
    // Another device cannot delete it by naming its id.
    const other = await submit(device, [makeSignal()]);
    const attacker = generateDeviceKeyPair();
    const forged = await del(request(attacker, { kind: 'signals', signalIds: [other.signals[0]!.id] }));
    expect(forged.json().receipt).toMatchObject({ deleted: [], deletedBundles: [], debited: 0 });
    expect(await rowsFor('signals', 'id', other.signals[0]!.id)).toHaveLength(1);
  });

  it('refuses a request signed by another device for this device (401), deleting nothing', async () => {
    await submit(device);
    const attacker = generateDeviceKeyPair();
    const forged = { ...request(attacker, { kind: 'all' }), devicePub: device.publicKey };
    const res = await del(forged);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('bad_signature');
    expect(await rowsFor('signals', 'device_pub', device.publicKey)).toHaveLength(2);
    expect(await h.count('deletion_requests')).toBe(0);
  });

  it('cannot delete another device’s bundles by naming their ids', async () => {
    const victim = await submit(device);
    const attacker = generateDeviceKeyPair();
    const res = await del(request(attacker, { kind: 'bundles', bundleIds: [victim.bundleId] }));
    expect(res.statusCode).toBe(200);
    expect(res.json().receipt).toMatchObject({ deleted: [], deletedBundles: [], debited: 0 });
    expect(await rowsFor('signals', 'bundle_id', victim.bundleId)).toHaveLength(2);
    expect(await h.envelopeOf(victim.bundleId)).not.toBeNull();
  });

  it('refuses a replayed request (409) and a stale one (400)', async () => {
    await submit(device);
    const req = request(device, { kind: 'all' });
    expect((await del(req)).statusCode).toBe(200);
    const replay = await del(req);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe('replay');
    const stale = await del(request(device, { kind: 'all' }, Date.now() - 11 * 60_000));
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.code).toBe('clock_skew');
  });

  it('refuses to re-store or re-credit a deleted bundle that is replayed', async () => {
    const env = await h.submit(makePlaintext(device), device);
    expect((await del(request(device, { kind: 'all' }))).statusCode).toBe(200);
    const again = await h.app.inject({ method: 'POST', url: '/v1/bundles', payload: env });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('bundle_deleted');
    expect(await rowsFor('signals', 'device_pub', device.publicKey)).toHaveLength(0);
    expect((await balance(device)).balance).toBe(0);
  });

  // SQLite only: secure_delete + WAL truncation. PostgreSQL keeps dead tuples until VACUUM (see collector README),
  // so the PostgreSQL run has no such test rather than a skipped one.
  if (testBackend() === 'sqlite') {
    it('never writes the text to the database files, and leaves no copy of its sealed row after deletion', async () => {
      const marker = `uniq-marker-${Date.now()}-deleteme`;
      const signal = makeSignal({ text: `text with ${marker}` });
      await submit(device, [signal]);
      const [{ sealed }] = (await rowsFor('signals', 'id', signal.id)) as [{ sealed: Uint8Array }];
      const files = () =>
        [SQLITE_FILE_NAME, `${SQLITE_FILE_NAME}-wal`].map((f) => {
          try {
            return readFileSync(join(h.config.dataDir, f)).toString('latin1');
          } catch {
            return '';
          }
        });
      const ciphertext = Buffer.from(sealed).toString('latin1');
      expect(files().some((f) => f.includes(marker))).toBe(false);
      expect(files().some((f) => f.includes(ciphertext))).toBe(true);
      expect((await del(request(device, { kind: 'all' }))).statusCode).toBe(200);
      expect(files().some((f) => f.includes(ciphertext))).toBe(false);
    });
  }

  it('refuses malformed requests with 400', async () => {
    const req = request(device, { kind: 'all' });
    for (const body of [{}, { ...req, scope: { kind: 'everything' } }, { ...req, nonce: 'zz' }, { ...req, extra: 1 }]) {
      const res = await del(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
    }
  });
});
