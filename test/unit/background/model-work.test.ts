import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PROCESS_BATCH, processWaitingItems, type BacklogModels } from '../../../utils/background/model-work';
import type { StoredItem } from '../../../utils/items/item';
import { MAX_PROCESS_ATTEMPTS } from '../../../utils/items/item-store';
import type { AnonymizedPage, PageText, ProcessedPage } from '../../../utils/protocol/model-host';
import type { Db } from '../../../utils/store/db';
import { T0, failedItem, freshDb, processingItem } from '../support/db';

let database: Db;
beforeEach(async () => {
  database = await freshDb();
});

const anonymized = (page: PageText): AnonymizedPage => ({
  title: page.title.replace('raw', '[R]'),
  text: page.text.replace('secret', '[SECRET]'),
  entityCounts: { PERSON: 1 },
  ner: 'n',
});
const embedded = ({ ner, ...page }: AnonymizedPage): ProcessedPage => ({ ...page, embedding: [0.6, 0.8], models: { embed: 'e', ner } });

/** A model host that records each call; either model may be replaced by one that fails. */
function fakeModels(overrides: Partial<Pick<BacklogModels, 'anonymize' | 'embedPages'>> = {}) {
  const log: string[] = [];
  const anonymize = vi.fn(overrides.anonymize ?? (async (pages: PageText[]) => pages.map(anonymized)));
  const embedPages = vi.fn(overrides.embedPages ?? (async (pages: AnonymizedPage[]) => pages.map(embedded)));
  const models = {
    anonymize: vi.fn(async (pages: PageText[]) => (log.push(`anonymize ${pages.length}`), anonymize(pages))),
    embedPages: vi.fn(async (pages: AnonymizedPage[]) => (log.push(`embed ${pages.length}`), embedPages(pages))),
    releaseNow: vi.fn(async () => void log.push('release')),
  };
  return { log, models };
}

async function putAll(items: StoredItem[]): Promise<void> {
  const tx = database.transaction('items', 'readwrite');
  await Promise.all(items.map((i) => tx.store.put(i)));
  await tx.done;
}

describe('processWaitingItems', () => {
  it('asks before every batch and leaves the rest waiting once it may not go on', async () => {
    const items = Array.from({ length: PROCESS_BATCH * 2 + 1 }, (_, i) => processingItem({ visitedAt: T0 + i }));
    await putAll(items);
    const { models } = fakeModels();
    let asked = 0;
    const result = await processWaitingItems(database, models, false, () => ++asked <= 2);
    // Two batches through the anonymizer, then none may follow: nothing embedded yet.
    expect(result).toEqual({ processed: 0, failed: 0 });
    expect(models.anonymize).toHaveBeenCalledTimes(2);
    expect(models.embedPages).not.toHaveBeenCalled();
    expect(await database.countFromIndex('items', 'status', 'processing')).toBe(PROCESS_BATCH * 2 + 1);
  });

  it('runs the whole backlog through the anonymizer, releases the host, then embeds: one model at a time', async () => {
    await putAll(Array.from({ length: PROCESS_BATCH + 2 }, (_, i) => processingItem({ visitedAt: T0 + i })));
    const { models, log } = fakeModels();
    expect(await processWaitingItems(database, models, false)).toEqual({ processed: PROCESS_BATCH + 2, failed: 0 });
    expect(log).toEqual([`anonymize ${PROCESS_BATCH}`, 'anonymize 2', 'release', `embed ${PROCESS_BATCH}`, 'embed 2']);
  });

  it('success drops the raw text and makes the item ready, embedding the anonymized text', async () => {
    const item = processingItem();
    await putAll([item]);
    const { models } = fakeModels();
    expect(await processWaitingItems(database, models, false)).toEqual({ processed: 1, failed: 0 });
    expect(models.anonymize).toHaveBeenCalledWith([item.raw]);
    expect(models.embedPages).toHaveBeenCalledWith([anonymized(item.raw)]);
    const stored = (await database.get('items', item.id))!;
    expect(stored.status).toBe('ready');
    expect(stored).not.toHaveProperty('raw');
    expect(stored).not.toHaveProperty('anonymized');
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
    await processWaitingItems(database, fakeModels().models, true);
    const stored = (await database.get('items', item.id))!;
    expect(stored.status).toBe('held');
    expect(stored).not.toHaveProperty('raw');
  });

  it('a stop between the phases loses nothing: the anonymized text waits with the item, and the next pass only embeds it', async () => {
    const item = processingItem();
    await putAll([item]);
    // The service worker stops as the host is released, before any embedding.
    const stopped = fakeModels();
    stopped.models.releaseNow.mockRejectedValueOnce(new Error('service worker stopped'));
    await expect(processWaitingItems(database, stopped.models, false)).rejects.toThrow('service worker stopped');
    const waiting = (await database.get('items', item.id))!;
    expect(waiting).toMatchObject({ status: 'processing', raw: item.raw, anonymized: anonymized(item.raw), attempts: 0 });

    const { models, log } = fakeModels({
      anonymize: async () => {
        throw new Error('the anonymizer must not run again');
      },
    });
    expect(await processWaitingItems(database, models, false)).toEqual({ processed: 1, failed: 0 });
    // Nothing was anonymized in this pass: no host to release.
    expect(log).toEqual(['embed 1']);
    expect((await database.get('items', item.id))!).toMatchObject({ status: 'ready', redacted: { title: '[R] title' }, attempts: 1 });
  });

  it('a failing anonymizer marks the batch failed with the error and keeps the raw text; nothing is embedded', async () => {
    const items = [processingItem(), processingItem()];
    await putAll(items);
    const { models } = fakeModels({
      anonymize: async () => {
        throw new Error('NER timed out');
      },
    });
    expect(await processWaitingItems(database, models, false)).toEqual({ processed: 0, failed: 2 });
    expect(models.embedPages).not.toHaveBeenCalled();
    for (const item of items) {
      const stored = (await database.get('items', item.id))!;
      expect(stored).toMatchObject({ status: 'failed', error: expect.stringMatching(/NER timed out/), raw: item.raw, attempts: 1 });
      expect(stored).not.toHaveProperty('redacted');
    }
    expect(await database.countFromIndex('items', 'status', 'ready')).toBe(0);
  });

  it('a failing embedding model fails the item with its raw text and without the anonymized one; the retry runs both models', async () => {
    const item = processingItem();
    await putAll([item]);
    const broken = fakeModels({
      embedPages: async () => {
        throw new Error('embedding failed');
      },
    });
    expect(await processWaitingItems(database, broken.models, false)).toEqual({ processed: 0, failed: 1 });
    const stored = (await database.get('items', item.id))!;
    expect(stored).toMatchObject({ status: 'failed', error: expect.stringMatching(/embedding failed/), raw: item.raw, attempts: 1 });
    expect(stored).not.toHaveProperty('anonymized');

    const { models, log } = fakeModels();
    expect(await processWaitingItems(database, models, false)).toEqual({ processed: 1, failed: 0 });
    expect(log).toEqual(['anonymize 1', 'release', 'embed 1']);
    expect((await database.get('items', item.id))!).toMatchObject({ status: 'ready', attempts: 2 });
  });

  it('a page the model returned no result for fails instead of going out unprocessed', async () => {
    const items = [processingItem(), processingItem()];
    await putAll(items);
    const { models } = fakeModels({ anonymize: async (pages) => pages.slice(0, 1).map(anonymized) });
    expect(await processWaitingItems(database, models, false)).toEqual({ processed: 1, failed: 1 });
    const statuses = await Promise.all(items.map(async (i) => (await database.get('items', i.id))!.status));
    expect(statuses.sort()).toEqual(['failed', 'ready']);

    const more = [processingItem(), processingItem()];
    await putAll(more);
    const short = fakeModels({ embedPages: async (pages) => pages.slice(0, 1).map(embedded) });
    expect(await processWaitingItems(database, short.models, false)).toEqual({ processed: 1, failed: 2 });
  });

  it('retries a failed item, clears its error on success, and stops after the last attempt', async () => {
    const retried = failedItem({ attempts: MAX_PROCESS_ATTEMPTS - 1, error: 'earlier failure' });
    const exhausted = failedItem({ attempts: MAX_PROCESS_ATTEMPTS, error: 'gave up' });
    await putAll([retried, exhausted]);
    const { models } = fakeModels();
    expect(await processWaitingItems(database, models, false)).toEqual({ processed: 1, failed: 0 });
    expect(models.anonymize).toHaveBeenCalledTimes(1);
    expect(models.anonymize.mock.calls[0]![0]).toHaveLength(1);
    const done = (await database.get('items', retried.id))!;
    expect(done.status).toBe('ready');
    expect(done).not.toHaveProperty('error');
    expect(await database.get('items', exhausted.id)).toEqual(exhausted);
  });

  it('an item that keeps failing is tried at most MAX_PROCESS_ATTEMPTS times', async () => {
    const item = processingItem();
    await putAll([item]);
    const { models } = fakeModels({
      embedPages: async () => {
        throw new Error('broken model');
      },
    });
    for (let run = 0; run < MAX_PROCESS_ATTEMPTS + 2; run++) await processWaitingItems(database, models, false);
    expect(models.embedPages).toHaveBeenCalledTimes(MAX_PROCESS_ATTEMPTS);
    expect(await database.get('items', item.id)).toMatchObject({ status: 'failed', attempts: MAX_PROCESS_ATTEMPTS });
  });

  it('an item deleted while either model ran is not brought back', async () => {
    const first = processingItem();
    const second = processingItem();
    await putAll([first, second]);
    const { models } = fakeModels({
      anonymize: async (pages) => {
        await database.delete('items', first.id);
        return pages.map(anonymized);
      },
      embedPages: async (pages) => {
        await database.delete('items', second.id);
        return pages.map(embedded);
      },
    });
    expect(await processWaitingItems(database, models, false)).toEqual({ processed: 0, failed: 0 });
    expect(models.embedPages).toHaveBeenCalledTimes(1);
    expect(models.embedPages.mock.calls[0]![0]).toHaveLength(1);
    expect(await database.get('items', first.id)).toBeUndefined();
    expect(await database.get('items', second.id)).toBeUndefined();
  });
});
