import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteData, localDay } from '../../../utils/background/deletion';
import { updateCollectorStatus } from '../../../utils/background/collector-status';
import { CollectorError } from '../../../utils/collector-client/client';
import { ensureDeviceKey, type DeviceKey } from '../../../utils/identity/device-key';
import { enqueueBundle } from '../../../utils/outbox/outbox';
import type { Db } from '../../../utils/store/db';
import {
  deletionRequestHash,
  generateReceiptKeyPair,
  signDeletionReceipt,
  verifyDeletionRequest,
  type DeletionReceipt,
  type DeletionRequest,
  type ReceiptKeyPair,
} from '../../../utils/wire';
import { collectorParties, fakeClient, type CollectorParties } from '../support/collector';
import { HOUR_MS, T0, freshDb, makeItem, processingItem, putItems, sentItem } from '../support/db';

let database: Db;
let deviceKey: DeviceKey;
let collector: CollectorParties;
const now = T0 + 48 * HOUR_MS;

beforeEach(async () => {
  fakeBrowser.reset();
  database = await freshDb();
  deviceKey = await ensureDeviceKey(database);
  collector = collectorParties();
  await updateCollectorStatus((s) => ({ ...s, collectorKeys: collector.keys }));
});

function receiptFor(request: DeletionRequest, signer: ReceiptKeyPair = collector.receipt, requestHash = deletionRequestHash(request)): DeletionReceipt {
  const deleted = request.scope.kind === 'signals' ? request.scope.signalIds : [];
  return signDeletionReceipt(
    { requestHash, devicePub: request.devicePub, deleted, deletedBundles: [], debited: deleted.length, destroyedKeys: [], ts: request.ts, collectorKeyId: signer.keyId },
    signer.secretKey,
  );
}
const honest = () => vi.fn(async (request: DeletionRequest) => receiptFor(request));
const ids = async () => (await database.getAllKeys('items')).sort();

const sentA = sentItem({ origin: 'https://a.example', sentAt: T0 });
const sentB = sentItem({ origin: 'https://b.example', sentAt: T0 });
const readyA = makeItem({ origin: 'https://a.example' });
const processingB = processingItem({ origin: 'https://b.example', raw: { title: 't', text: 'x' } });
const all = [sentA, sentB, readyA, processingB];

describe('deleteData', () => {
  it('items not yet sent are deleted on the device without contacting the collector', async () => {
    await putItems(database, all);
    const requestDeletion = honest();
    await deleteData({ kind: 'items', ids: [readyA.id, processingB.id] }, { db: database, client: fakeClient({ requestDeletion }), now });
    expect(requestDeletion).not.toHaveBeenCalled();
    expect(await ids()).toEqual([sentA.id, sentB.id].sort());
    expect(await database.count('deletions')).toBe(0);
  });

  it('a site with nothing sent is deleted locally only', async () => {
    await putItems(database, [readyA, processingB]);
    const requestDeletion = honest();
    await deleteData({ kind: 'site', origin: 'https://a.example' }, { db: database, client: fakeClient({ requestDeletion }), now });
    expect(requestDeletion).not.toHaveBeenCalled();
    expect(await ids()).toEqual([processingB.id]);
  });

  it('sent items are deleted at the collector by a signed request naming exactly them, and the receipt is kept', async () => {
    await putItems(database, all);
    const requestDeletion = honest();
    await deleteData({ kind: 'items', ids: [sentA.id, readyA.id] }, { db: database, client: fakeClient({ requestDeletion }), now });

    expect(requestDeletion).toHaveBeenCalledTimes(1);
    const request = requestDeletion.mock.calls[0]![0];
    expect(verifyDeletionRequest(request)).toBe(true);
    expect(request.devicePub).toBe(deviceKey.publicKey);
    expect(request.scope).toEqual({ kind: 'signals', signalIds: [sentA.id] });
    expect(request.ts).toBe(now);

    const records = await database.getAll('deletions');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ requestHash: deletionRequestHash(request), requestedAt: now });
    expect(records[0]!.receipt.deleted).toEqual([sentA.id]);
    expect(JSON.parse(records[0]!.scope)).toEqual({ kind: 'items', ids: [sentA.id, readyA.id] });
    expect(await ids()).toEqual([sentB.id, processingB.id].sort());
  });

  it('a site with sent items asks the collector to delete the site', async () => {
    await putItems(database, all);
    const requestDeletion = honest();
    await deleteData({ kind: 'site', origin: 'https://a.example' }, { db: database, client: fakeClient({ requestDeletion }), now });
    expect(requestDeletion.mock.calls.map(([r]) => r.scope)).toEqual([{ kind: 'site', origin: 'https://a.example' }]);
    expect(await ids()).toEqual([sentB.id, processingB.id].sort());
  });

  it('everything asks the collector to delete everything and empties the device', async () => {
    await putItems(database, all);
    const requestDeletion = honest();
    await deleteData({ kind: 'all' }, { db: database, client: fakeClient({ requestDeletion }), now });
    expect(requestDeletion.mock.calls.map(([r]) => r.scope)).toEqual([{ kind: 'all' }]);
    expect(await database.count('items')).toBe(0);
    expect(await database.count('deletions')).toBe(1);
  });

  it('a local day names the sent signals of that day', async () => {
    const other = sentItem({ visitedAt: T0 + 24 * HOUR_MS });
    await putItems(database, [sentA, other]);
    const requestDeletion = honest();
    await deleteData({ kind: 'day', day: localDay(T0) }, { db: database, client: fakeClient({ requestDeletion }), now });
    expect(requestDeletion.mock.calls.map(([r]) => r.scope)).toEqual([{ kind: 'signals', signalIds: [sentA.id] }]);
    expect(await ids()).toEqual([other.id]);
  });

  it.each([
    ['signed by another key', (r: DeletionRequest) => receiptFor(r, generateReceiptKeyPair())],
    ['for another request', (r: DeletionRequest) => receiptFor(r, collector.receipt, 'ab'.repeat(32))],
    ['tampered after signing', (r: DeletionRequest) => ({ ...receiptFor(r), deleted: [] })],
  ])('a receipt %s leaves local data untouched and throws', async (_label, answer) => {
    await putItems(database, all);
    const requestDeletion = vi.fn(async (r: DeletionRequest) => answer(r));
    await expect(
      deleteData({ kind: 'items', ids: [sentA.id, readyA.id] }, { db: database, client: fakeClient({ requestDeletion }), now }),
    ).rejects.toThrow(/does not verify/);
    expect(requestDeletion).toHaveBeenCalledTimes(1);
    expect(await ids()).toEqual(all.map((i) => i.id).sort());
    expect(await database.count('deletions')).toBe(0);
  });

  it('an unreachable collector leaves local data untouched', async () => {
    await putItems(database, all);
    const requestDeletion = vi.fn(async (): Promise<DeletionReceipt> => {
      throw new CollectorError('collector unreachable: ECONNREFUSED', null, 'unreachable', null);
    });
    await expect(deleteData({ kind: 'all' }, { db: database, client: fakeClient({ requestDeletion }), now })).rejects.toThrow(/unreachable/);
    expect(await database.count('items')).toBe(all.length);
  });

  it('without the collector receipt key no receipt is trusted', async () => {
    await updateCollectorStatus((s) => ({ ...s, collectorKeys: null }));
    await putItems(database, all);
    await expect(
      deleteData({ kind: 'items', ids: [sentA.id] }, { db: database, client: fakeClient({ requestDeletion: honest() }), now }),
    ).rejects.toThrow(/does not verify/);
    expect(await database.get('items', sentA.id)).toBeDefined();
  });

  it('a pending bundle holding a deleted item is unsealed and its other items go back to ready', async () => {
    const [keep1, drop, keep2] = [makeItem(), makeItem(), makeItem()];
    await putItems(database, [keep1!, drop!, keep2!]);
    const bundle = await enqueueBundle(database, [keep1!, drop!, keep2!], deviceKey, collector.keys, T0);
    const requestDeletion = honest();

    await deleteData({ kind: 'items', ids: [drop!.id] }, { db: database, client: fakeClient({ requestDeletion }), now });

    expect(requestDeletion).not.toHaveBeenCalled();
    expect(await database.get('bundles', bundle.bundleId)).toBeUndefined();
    expect(await database.get('items', drop!.id)).toBeUndefined();
    for (const kept of [keep1!, keep2!]) {
      const item = (await database.get('items', kept.id))!;
      expect(item.status).toBe('ready');
      expect(item).not.toHaveProperty('bundleId');
    }
  });

  it('an accepted bundle keeps its record but no longer lists a deleted item', async () => {
    const [a, b] = [makeItem(), makeItem()];
    await putItems(database, [a, b]);
    const bundle = await enqueueBundle(database, [a, b], deviceKey, collector.keys, T0);
    await database.put('bundles', { ...bundle, status: 'accepted', acceptedAt: T0 });
    for (const item of [a, b]) await database.put('items', { ...item, status: 'sent', bundleId: bundle.bundleId, sentAt: T0 });

    await deleteData({ kind: 'items', ids: [a.id] }, { db: database, client: fakeClient({ requestDeletion: honest() }), now });
    expect((await database.get('bundles', bundle.bundleId))?.itemIds).toEqual([b.id]);
    expect((await database.get('items', b.id))?.status).toBe('sent');
  });
});
