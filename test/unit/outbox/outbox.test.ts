import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CollectorError } from '../../../utils/collector-client/client';
import { ensureDeviceKey, type DeviceKey } from '../../../utils/identity/device-key';
import { BACKOFF } from '../../../utils/outbox/backoff';
import { drainOutbox, enqueueBundle } from '../../../utils/outbox/outbox';
import type { Db, StoredBundle } from '../../../utils/store/db';
import { generateReceiptKeyPair, openEnvelope, type BundleEnvelope } from '../../../utils/wire';
import { collectorParties, fakeClient, ingestReceiptFor, type CollectorParties } from '../support/collector';
import { T0, freshDb, makeItem, processingItem, putItems } from '../support/db';

let database: Db;
let deviceKey: DeviceKey;
let collector: CollectorParties;

beforeEach(async () => {
  database = await freshDb();
  deviceKey = await ensureDeviceKey(database);
  collector = collectorParties();
});

async function queued(count: number, now: number): Promise<StoredBundle> {
  const items = Array.from({ length: count }, (_, i) => makeItem({ visitedAt: now - 60_000 * (i + 1) }));
  await putItems(database, items);
  return enqueueBundle(database, items, deviceKey, collector.keys, now);
}

const honest = () =>
  vi.fn(async (envelope: BundleEnvelope) => ({ receipt: ingestReceiptFor(envelope, collector), duplicate: false }));

describe('enqueueBundle', () => {
  it('seals a bundle the collector can open, and queues its items', async () => {
    const items = [makeItem(), makeItem({ origin: 'https://news.example' })];
    await putItems(database, items);
    const bundle = await enqueueBundle(database, items, deviceKey, collector.keys, T0);

    const plain = openEnvelope(bundle.envelope, collector.encryption.secretKey);
    expect(plain.bundleId).toBe(bundle.bundleId);
    expect(plain.devicePub).toBe(deviceKey.publicKey);
    expect(plain.signals.map((s) => s.id)).toEqual(items.map((i) => i.id));
    expect(bundle.envelope.collectorKeyId).toBe(collector.encryption.keyId);

    expect(await database.get('bundles', bundle.bundleId)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T0 });
    for (const item of items) {
      expect(await database.get('items', item.id)).toMatchObject({ status: 'queued', bundleId: bundle.bundleId });
    }
  });

  it('another collector key cannot open it', async () => {
    const bundle = await queued(1, T0);
    expect(() => openEnvelope(bundle.envelope, collectorParties().encryption.secretKey)).toThrow();
  });

  it.each([
    ['deleted', undefined],
    ['no longer ready', 'processing' as const],
    ['already queued elsewhere', 'queued' as const],
  ])('an item %s meanwhile aborts the whole transaction', async (_label, status) => {
    const items = [makeItem(), makeItem(), makeItem()];
    await putItems(database, items);
    if (status === 'processing') await database.put('items', processingItem({ id: items[2]!.id }));
    else if (status === 'queued') await database.put('items', { ...items[2]!, status, bundleId: crypto.randomUUID() });
    else await database.delete('items', items[2]!.id);

    await expect(enqueueBundle(database, items, deviceKey, collector.keys, T0)).rejects.toThrow(/changed/);
    expect(await database.count('bundles')).toBe(0);
    expect((await database.get('items', items[0]!.id))?.status).toBe('ready');
    expect(await database.get('items', items[1]!.id)).not.toHaveProperty('bundleId');
  });

  it('refuses when the collector publishes no current key', async () => {
    const items = [makeItem()];
    await putItems(database, items);
    const keys = { ...collector.keys, encryption: collector.keys.encryption.map((k) => ({ ...k, current: false })) };
    await expect(enqueueBundle(database, items, deviceKey, keys, T0)).rejects.toThrow(/current/);
    expect(await database.count('bundles')).toBe(0);
  });
});

describe('drainOutbox', () => {
  const now = T0 + 60_000;

  it('a verified receipt marks the bundle accepted and its items sent', async () => {
    const bundle = await queued(2, T0);
    const submitBundle = honest();
    const result = await drainOutbox(database, fakeClient({ submitBundle }), collector.receipt.publicKey, now);

    expect(result).toEqual({ sent: 1, failed: 0, keysStale: false, reachable: true, lastError: null });
    const stored = (await database.get('bundles', bundle.bundleId))!;
    expect(stored).toMatchObject({ status: 'accepted', acceptedAt: now });
    expect(stored.receipt?.bundleId).toBe(bundle.bundleId);
    for (const id of bundle.itemIds) expect(await database.get('items', id)).toMatchObject({ status: 'sent', sentAt: now });
  });

  it('does nothing when no bundle is due', async () => {
    const bundle = await queued(1, T0);
    await database.put('bundles', { ...bundle, nextAttemptAt: now + 1 });
    const submitBundle = honest();
    expect(await drainOutbox(database, fakeClient({ submitBundle }), collector.receipt.publicKey, now)).toEqual({
      sent: 0,
      failed: 0,
      keysStale: false,
      reachable: null,
      lastError: null,
    });
    expect(submitBundle).not.toHaveBeenCalled();
  });

  it('submits oldest first', async () => {
    const later = await queued(1, T0 + 10);
    const earlier = await queued(1, T0);
    const submitBundle = honest();
    await drainOutbox(database, fakeClient({ submitBundle }), collector.receipt.publicKey, now);
    expect(submitBundle.mock.calls.map(([e]) => e.bundleId)).toEqual([earlier.bundleId, later.bundleId]);
  });

  it('a receipt signed by another key leaves the bundle pending with backoff', async () => {
    const bundle = await queued(1, T0);
    const impostor = generateReceiptKeyPair();
    const submitBundle = vi.fn(async (e: BundleEnvelope) => ({ receipt: ingestReceiptFor(e, collector, impostor), duplicate: false }));
    const result = await drainOutbox(database, fakeClient({ submitBundle }), collector.receipt.publicKey, now);

    expect(result.sent).toBe(0);
    expect(result.failed).toBe(1);
    expect(result.lastError).toMatch(/receipt/);
    const stored = (await database.get('bundles', bundle.bundleId))!;
    expect(stored).toMatchObject({ status: 'pending', attempts: 1 });
    expect(stored.receipt).toBeUndefined();
    expect(stored.nextAttemptAt).toBeGreaterThan(now);
    for (const id of bundle.itemIds) expect((await database.get('items', id))?.status).toBe('queued');
  });

  it('a valid receipt for a different bundle is not accepted', async () => {
    const bundle = await queued(1, T0);
    const other = await queued(1, T0 - 1);
    const submitBundle = vi.fn(async () => ({ receipt: ingestReceiptFor(other.envelope, collector), duplicate: false }));
    await drainOutbox(database, fakeClient({ submitBundle }), collector.receipt.publicKey, now);
    expect((await database.get('bundles', bundle.bundleId))?.status).toBe('pending');
  });

  it('a network error leaves the bundle pending, backs off and stops the loop', async () => {
    const first = await queued(1, T0);
    const second = await queued(1, T0 + 1);
    const submitBundle = vi.fn(async () => {
      throw new CollectorError('collector unreachable: ECONNREFUSED', null, 'unreachable', null);
    });
    const result = await drainOutbox(database, fakeClient({ submitBundle }), collector.receipt.publicKey, now);

    expect(submitBundle).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ sent: 0, failed: 1, reachable: false });
    const stored = (await database.get('bundles', first.bundleId))!;
    expect(stored).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/unreachable/) });
    expect(stored.nextAttemptAt - now).toBeGreaterThanOrEqual(BACKOFF.baseMs / 2);
    expect(stored.nextAttemptAt - now).toBeLessThanOrEqual(BACKOFF.baseMs);
    expect(await database.get('bundles', second.bundleId)).toMatchObject({ attempts: 0, nextAttemptAt: T0 + 1 });
  });

  it('a non-Collector exception is handled like an unreachable collector', async () => {
    const bundle = await queued(1, T0);
    const submitBundle = vi.fn(async () => {
      throw new TypeError('boom');
    });
    const result = await drainOutbox(database, fakeClient({ submitBundle }), collector.receipt.publicKey, now);
    expect(result).toMatchObject({ failed: 1, reachable: false });
    expect((await database.get('bundles', bundle.bundleId))?.status).toBe('pending');
  });

  it('a 4xx refusal waits much longer than a retryable failure and does not stop other bundles', async () => {
    const refused = await queued(1, T0);
    const fine = await queued(1, T0 + 1);
    const submitBundle = vi.fn(async (e: BundleEnvelope) => {
      if (e.bundleId === refused.bundleId) throw new CollectorError('signal invalid', 400, 'invalid_plaintext', null);
      return { receipt: ingestReceiptFor(e, collector), duplicate: false };
    });
    const result = await drainOutbox(database, fakeClient({ submitBundle }), collector.receipt.publicKey, now);

    expect(result).toMatchObject({ sent: 1, failed: 1, reachable: true, lastError: 'signal invalid' });
    const stored = (await database.get('bundles', refused.bundleId))!;
    expect(stored.status).toBe('pending');
    // Retryable failures wait at most baseMs on the first attempt; a refusal is pushed six doublings further.
    expect(stored.nextAttemptAt - now).toBeGreaterThanOrEqual((BACKOFF.baseMs * 2 ** 6) / 2);
    expect((await database.get('bundles', fine.bundleId))?.status).toBe('accepted');
  });

  it('honours Retry-After on overload and stops the loop', async () => {
    const first = await queued(1, T0);
    await queued(1, T0 + 1);
    const submitBundle = vi.fn(async () => {
      throw new CollectorError('slow down', 429, 'rate_limited', 600);
    });
    await drainOutbox(database, fakeClient({ submitBundle }), collector.receipt.publicKey, now);
    expect(submitBundle).toHaveBeenCalledTimes(1);
    expect((await database.get('bundles', first.bundleId))!.nextAttemptAt).toBeGreaterThanOrEqual(now + 600_000);
  });

  it('a bundle sealed to a key the collector dropped is taken apart, its items ready to reseal', async () => {
    const stale = await queued(2, T0);
    const submitBundle = vi.fn(async () => {
      throw new CollectorError('unknown key', 400, 'unknown_collector_key', null);
    });
    const result = await drainOutbox(database, fakeClient({ submitBundle }), collector.receipt.publicKey, now);
    expect(result).toMatchObject({ keysStale: true, failed: 0, sent: 0 });
    expect(await database.get('bundles', stale.bundleId)).toBeUndefined();
    for (const id of stale.itemIds) {
      const item = (await database.get('items', id))!;
      expect(item.status).toBe('ready');
      expect(item).not.toHaveProperty('bundleId');
    }
  });

  it('after a lost acknowledgement the same bundle id is resubmitted and accepted once', async () => {
    const bundle = await queued(2, T0);
    const seen: BundleEnvelope[] = [];
    let lose = true;
    const submitBundle = vi.fn(async (e: BundleEnvelope) => {
      seen.push(e);
      if (lose) {
        lose = false;
        // The collector stored it, but the answer never arrived.
        throw new CollectorError('collector unreachable: socket hang up', null, 'unreachable', null);
      }
      return { receipt: ingestReceiptFor(e, collector), duplicate: true };
    });
    const client = fakeClient({ submitBundle });

    await drainOutbox(database, client, collector.receipt.publicKey, now);
    const retryAt = (await database.get('bundles', bundle.bundleId))!.nextAttemptAt;
    const result = await drainOutbox(database, client, collector.receipt.publicKey, retryAt);

    expect(result.sent).toBe(1);
    expect(seen.map((e) => e.bundleId)).toEqual([bundle.bundleId, bundle.bundleId]);
    expect(seen[1]).toEqual(seen[0]);
    expect(await database.count('bundles')).toBe(1);
    expect((await database.get('bundles', bundle.bundleId))?.status).toBe('accepted');
  });
});
