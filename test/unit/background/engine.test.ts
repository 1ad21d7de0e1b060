import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createEngine } from '../../../utils/background/engine';
import type { CollectorClient } from '../../../utils/collector-client/client';
import type { AnonymizedPage, PageText, ProcessedPage } from '../../../utils/protocol/model-host';
import type { Db } from '../../../utils/store/db';
import { freshDb, processingItem, putItems, T0 } from '../support/db';

let database: Db;
beforeEach(async () => {
  fakeBrowser.reset();
  database = await freshDb();
});

const processed = (): ProcessedPage => ({
  title: 'title',
  text: 'text',
  entityCounts: {},
  embedding: [1, 0],
  models: { embed: 'e', ner: 'n' },
});

describe('engine tick', () => {
  it('leaves waiting visits unprocessed while model work may not run, processes them once it may, and always on a forced pass', async () => {
    const waiting = processingItem({ raw: { title: 't', text: 'x' } });
    await putItems(database, [waiting]);
    const process = vi.fn(async (pages: AnonymizedPage[]) => pages.map(processed));
    const models = {
      anonymize: async (pages: PageText[]) => pages.map((p): AnonymizedPage => ({ ...p, entityCounts: {}, ner: 'n' })),
      embedPages: process,
      releaseNow: async () => true,
    };
    // Not opted in: the pass ends after processing, so no collector is ever contacted.
    let quiet = false;
    const engine = createEngine({ db: async () => database, client: {} as CollectorClient, models, mayProcess: () => quiet, now: () => T0 });

    await engine.tick();
    expect(process).not.toHaveBeenCalled();
    expect((await database.get('items', waiting.id))!.status).toBe('processing');

    quiet = true;
    await engine.tick();
    expect(process).toHaveBeenCalledTimes(1);
    expect((await database.get('items', waiting.id))!.status).toBe('ready');

    const second = processingItem({ raw: { title: 't2', text: 'y' } });
    await putItems(database, [second]);
    quiet = false;
    await engine.tick({ force: true });
    expect(process).toHaveBeenCalledTimes(2);
    expect((await database.get('items', second.id))!.status).toBe('ready');
  });
});
