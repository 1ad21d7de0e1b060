import { beforeEach, describe, expect, it } from 'vitest';
import type { HeldItem, StoredItem } from '../../../utils/items/item';
import { lifecycle } from '../../../utils/items/lifecycle';
import { MAX_UNSENT_ITEMS, approveItems, editItem, markItemsSent, recordObservation, sealItems, unsealItems } from '../../../utils/items/item-store';
import type { PageObservation } from '../../../utils/protocol/page-observer';
import type { Db } from '../../../utils/store/db';
import { T0, failedItem, freshDb, heldItem, makeItem, processingItem, queuedItem, sentItem } from '../support/db';

let database: Db;
beforeEach(async () => {
  database = await freshDb();
});

const inState = { processing: processingItem, held: heldItem, ready: makeItem, failed: failedItem };

async function putAll(items: StoredItem[]): Promise<void> {
  const tx = database.transaction('items', 'readwrite');
  await Promise.all(items.map((i) => tx.store.put(i)));
  await tx.done;
}

const get = async (id: string) => (await database.get('items', id))!;

const observation = (o: Partial<PageObservation> = {}): PageObservation => ({
  origin: 'https://example.com',
  title: 'Meeting Sarah Johnson',
  text: 'Call Sarah on +49 30 1234567 about the river survey.',
  lang: 'en',
  visitedAt: T0,
  dwellMs: 20_000,
  scrollDepth: 0.7,
  interactions: 4,
  ...o,
});


describe('recordObservation', () => {
  it('stores the raw text as an item waiting for processing', async () => {
    const { item, dropped } = await recordObservation(database, observation());
    expect(dropped).toBe(0);
    const stored = (await database.get('items', item.id))!;
    expect(stored).toMatchObject({
      status: 'processing',
      origin: 'https://example.com',
      raw: { title: 'Meeting Sarah Johnson', text: observation().text },
      attempts: 0,
      visitedAt: T0,
      dwellMs: 20_000,
    });
    expect(stored).not.toHaveProperty('redacted');
  });

  it(`keeps at most ${MAX_UNSENT_ITEMS} unsent items, dropping the oldest and reporting how many`, async () => {
    const statuses = ['processing', 'held', 'ready', 'failed'] as const;
    const unsent = Array.from({ length: MAX_UNSENT_ITEMS - 1 }, (_, i) =>
      inState[statuses[i % statuses.length]!]({ visitedAt: T0 + 1000 + i }),
    );
    const sentLongAgo = sentItem({ visitedAt: T0 - 10_000 });
    const queuedLongAgo = queuedItem({ visitedAt: T0 - 10_000 });
    await putAll([...unsent, sentLongAgo, queuedLongAgo]);

    expect((await recordObservation(database, observation({ visitedAt: T0 + 900_000 }))).dropped).toBe(0);
    const second = await recordObservation(database, observation({ visitedAt: T0 + 900_001 }));
    expect(second.dropped).toBe(1);
    expect(await database.get('items', unsent[0]!.id)).toBeUndefined();
    expect(await database.get('items', unsent[1]!.id)).toBeDefined();
    expect(await database.get('items', second.item.id)).toBeDefined();
    // Items that already left, or are sealed in a bundle, do not count and are never dropped.
    expect(await database.get('items', sentLongAgo.id)).toBeDefined();
    expect(await database.get('items', queuedLongAgo.id)).toBeDefined();
    expect(await database.count('items')).toBe(MAX_UNSENT_ITEMS + 2);
  });
});


describe('review and edit', () => {
  it('approving makes held items ready and leaves items in any other state as they were', async () => {
    const [held, processing, failed, sent] = [heldItem(), processingItem(), failedItem(), sentItem()];
    await putAll([held, processing, failed, sent]);
    await approveItems(database, [held.id, processing.id, failed.id, sent.id, 'gone']);
    expect(await get(held.id)).toEqual({ ...held, status: 'ready' });
    for (const other of [processing, failed, sent]) expect(await get(other.id)).toEqual(other);
  });

  it.each([
    ['held', heldItem({ redacted: { title: 'Anonymized [PERSON]', text: 'old' } }), 'Anonymized [PERSON]'],
    ['ready', makeItem({ redacted: { title: 'Anonymized [PERSON]', text: 'old' } }), 'Anonymized [PERSON]'],
    ['failed', failedItem({ raw: { title: 'Raw title', text: 'old' }, attempts: 3 }), 'Raw title'],
  ] as const)('an edited %s item is new text: it waits for the models again, with nothing processed kept', async (_label, item, title) => {
    await putAll([item]);
    await editItem(database, item.id, 'my own words');
    const stored = await get(item.id);
    expect(stored).toMatchObject({ status: 'processing', raw: { title, text: 'my own words' }, attempts: 0, origin: item.origin, visitedAt: item.visitedAt });
    for (const field of ['redacted', 'embedding', 'entityCounts', 'models', 'error']) expect(stored).not.toHaveProperty(field);
  });

  it.each([
    ['queued', queuedItem()],
    ['sent', sentItem()],
    ['processing', processingItem()],
  ] as const)('a %s item cannot be edited, and stays as it was', async (_label, item) => {
    await putAll([item]);
    await expect(editItem(database, item.id, 'new')).rejects.toThrow(/not yet sent/);
    expect(await get(item.id)).toEqual(item);
  });

  it('a visit whose site reserves text and data mining takes no text by an edit either, and stays as it was', async () => {
    const item = heldItem({ redacted: { title: '', text: '' }, tdmReserved: true });
    await putAll([item]);
    await expect(editItem(database, item.id, 'pasted from the page')).rejects.toThrow(/reserves text and data mining/);
    expect(await get(item.id)).toEqual(item);
  });

  it('the reservation mark stays with the visit through every transition', async () => {
    const item = failedItem({ raw: { title: '', text: '' }, tdmReserved: true });
    const processed = lifecycle.processed.apply(item, { title: '', text: '', entityCounts: {}, embedding: [0], models: { embed: 'e', ner: 'n' } }, true);
    const ready = lifecycle.approved.apply(processed as HeldItem);
    const sent = lifecycle.sent.apply(lifecycle.sealed.apply(ready, 'b'), T0);
    expect(sent).toMatchObject({ tdmReserved: true, status: 'sent' });
  });

  it('an item that is gone cannot be edited', async () => {
    await expect(editItem(database, 'gone', 'new')).rejects.toThrow(/not yet sent/);
    expect(await database.count('items')).toBe(0);
  });
});

describe('bundling', () => {
  it('seals ready items into a bundle, unseals them back to ready, and marks only queued items sent', async () => {
    const [a, b] = [makeItem(), makeItem()];
    const held = heldItem();
    await putAll([a, b, held]);
    const bundleId = crypto.randomUUID();
    let tx = database.transaction('items', 'readwrite');
    await sealItems(tx.store, [a.id, b.id], bundleId);
    await tx.done;
    expect(await get(a.id)).toEqual({ ...a, status: 'queued', bundleId });

    tx = database.transaction('items', 'readwrite');
    await unsealItems(tx.store, [a.id, b.id], new Set([b.id]));
    await tx.done;
    expect(await get(a.id)).toEqual(a);
    expect(await get(b.id)).toMatchObject({ status: 'queued', bundleId });

    tx = database.transaction('items', 'readwrite');
    await markItemsSent(tx.store, [a.id, b.id, held.id], T0);
    await tx.done;
    expect(await get(a.id)).toEqual(a);
    expect(await get(b.id)).toEqual({ ...b, status: 'sent', bundleId, sentAt: T0 });
    expect(await get(held.id)).toEqual(held);
  });

  it('sealing an item that is not ready throws, so the bundle is never written with it', async () => {
    const held = heldItem();
    await putAll([held]);
    const tx = database.transaction('items', 'readwrite');
    await expect(sealItems(tx.store, [held.id], crypto.randomUUID())).rejects.toThrow(/changed while its bundle was sealed/);
    await tx.done;
    expect(await get(held.id)).toEqual(held);
  });
});
