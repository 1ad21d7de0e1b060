import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PROCESS_BATCH, processWaitingItems } from '../../../utils/background/model-work';
import type { StoredItem } from '../../../utils/items/item';
import { MAX_PROCESS_ATTEMPTS } from '../../../utils/items/item-store';
import type { PageText, ProcessedPage } from '../../../utils/protocol/model-host';
import type { Db } from '../../../utils/store/db';
import { T0, failedItem, freshDb, processingItem } from '../support/db';

let database: Db;
beforeEach(async () => {
  database = await freshDb();
});

const processed = (page: PageText): ProcessedPage => ({
  title: page.title.replace('raw', '[R]'),
  text: page.text.replace('secret', '[SECRET]'),
  entityCounts: { PERSON: 1 },
  embedding: [0.6, 0.8],
  models: { embed: 'e', ner: 'n' },
});
const succeed = () => vi.fn(async (pages: PageText[]) => pages.map(processed));

async function putAll(items: StoredItem[]): Promise<void> {
  const tx = database.transaction('items', 'readwrite');
  await Promise.all(items.map((i) => tx.store.put(i)));
  await tx.done;
}

describe('processWaitingItems', () => {
  it('asks before every batch and leaves the rest waiting once it may not go on', async () => {
    const items = Array.from({ length: PROCESS_BATCH * 2 + 1 }, (_, i) => processingItem({ visitedAt: T0 + i }));
    await putAll(items);
    const process = succeed();
    let asked = 0;
    const result = await processWaitingItems(database, process, false, () => ++asked === 1);
    expect(result).toEqual({ processed: PROCESS_BATCH, failed: 0 });
    expect(asked).toBe(2);
    expect(process).toHaveBeenCalledTimes(1);
    expect(await database.countFromIndex('items', 'status', 'processing')).toBe(PROCESS_BATCH + 1);
  });

  it('success drops the raw text and makes the item ready', async () => {
    const item = processingItem();
    await putAll([item]);
    const process = succeed();
    expect(await processWaitingItems(database, process, false)).toEqual({ processed: 1, failed: 0 });
    expect(process).toHaveBeenCalledWith([item.raw]);
    const stored = (await database.get('items', item.id))!;
    expect(stored.status).toBe('ready');
    expect(stored).not.toHaveProperty('raw');
    expect(JSON.stringify(stored)).not.toContain('raw text with a secret');
    expect(stored).toMatchObject({
      redacted: { title: '[R] title', text: 'raw text with a [SECRET]' },
      entityCounts: { PERSON: 1 },
      embedding: [0.6, 0.8],
      models: { embed: 'e', ner: 'n' },
      attempts: 1,
    });
  });

  it('in review mode a processed item is held, not ready', async () => {
    const item = processingItem();
    await putAll([item]);
    await processWaitingItems(database, succeed(), true);
    const stored = (await database.get('items', item.id))!;
    expect(stored.status).toBe('held');
    expect(stored).not.toHaveProperty('raw');
  });

  it('a failing model marks the batch failed with the error and keeps the raw text; nothing becomes ready', async () => {
    const items = [processingItem(), processingItem()];
    await putAll(items);
    const process = vi.fn(async () => {
      throw new Error('NER timed out');
    });
    expect(await processWaitingItems(database, process, false)).toEqual({ processed: 0, failed: 2 });
    for (const item of items) {
      const stored = (await database.get('items', item.id))!;
      expect(stored).toMatchObject({ status: 'failed', error: expect.stringMatching(/NER timed out/), raw: item.raw, attempts: 1 });
      expect(stored).not.toHaveProperty('redacted');
    }
    expect(await database.countFromIndex('items', 'status', 'ready')).toBe(0);
  });

  it('a page the model returned no result for fails instead of going out unprocessed', async () => {
    const items = [processingItem(), processingItem()];
    await putAll(items);
    const process = vi.fn(async (pages: PageText[]) => pages.slice(0, 1).map(processed));
    expect(await processWaitingItems(database, process, false)).toEqual({ processed: 1, failed: 1 });
    const statuses = await Promise.all(items.map(async (i) => (await database.get('items', i.id))!.status));
    expect(statuses.sort()).toEqual(['failed', 'ready']);
  });

  it('retries a failed item, clears its error on success, and stops after the last attempt', async () => {
    const retried = failedItem({ attempts: MAX_PROCESS_ATTEMPTS - 1, error: 'earlier failure' });
    const exhausted = failedItem({ attempts: MAX_PROCESS_ATTEMPTS, error: 'gave up' });
    await putAll([retried, exhausted]);
    const process = succeed();
    expect(await processWaitingItems(database, process, false)).toEqual({ processed: 1, failed: 0 });
    expect(process).toHaveBeenCalledTimes(1);
    expect(process.mock.calls[0]![0]).toHaveLength(1);
    const done = (await database.get('items', retried.id))!;
    expect(done.status).toBe('ready');
    expect(done).not.toHaveProperty('error');
    expect(await database.get('items', exhausted.id)).toEqual(exhausted);
  });

  it('an item that keeps failing is tried at most MAX_PROCESS_ATTEMPTS times', async () => {
    const item = processingItem();
    await putAll([item]);
    const process = vi.fn(async () => {
      throw new Error('broken model');
    });
    for (let run = 0; run < MAX_PROCESS_ATTEMPTS + 2; run++) await processWaitingItems(database, process, false);
    expect(process).toHaveBeenCalledTimes(MAX_PROCESS_ATTEMPTS);
    expect((await database.get('items', item.id))).toMatchObject({ status: 'failed', attempts: MAX_PROCESS_ATTEMPTS });
  });

  it('processes in batches', async () => {
    await putAll(Array.from({ length: PROCESS_BATCH + 2 }, () => processingItem()));
    const process = succeed();
    expect(await processWaitingItems(database, process, false)).toEqual({ processed: PROCESS_BATCH + 2, failed: 0 });
    expect(process.mock.calls.map(([pages]) => pages.length)).toEqual([PROCESS_BATCH, 2]);
  });

  it('an item deleted while the models ran is not brought back', async () => {
    const item = processingItem();
    await putAll([item]);
    const process = vi.fn(async (pages: PageText[]) => {
      await database.delete('items', item.id);
      return pages.map(processed);
    });
    expect(await processWaitingItems(database, process, false)).toEqual({ processed: 0, failed: 0 });
    expect(await database.get('items', item.id)).toBeUndefined();
  });
});
