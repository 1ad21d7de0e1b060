import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createEngine } from '../../../utils/background/engine';
import type { CollectorClient } from '../../../utils/collector/client';
import type { PageText, ProcessedPage } from '../../../utils/pipeline/process-pages';
import type { Db } from '../../../utils/store/db';
import { freshDb, makeItem, putItems, T0 } from '../support/db';

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
  it('with model work deferred leaves waiting visits unprocessed, and a later tick processes them', async () => {
    const waiting = makeItem({ status: 'processing', attempts: 0, raw: { title: 't', text: 'x' }, redacted: undefined, embedding: undefined });
    await putItems(database, [waiting]);
    const process = vi.fn(async (pages: PageText[]) => pages.map(processed));
    // Not opted in: the pass ends after processing, so no collector is ever contacted.
    const engine = createEngine({ db: async () => database, client: {} as CollectorClient, models: { process }, now: () => T0 });

    await engine.tick({ deferModelWork: true });
    expect(process).not.toHaveBeenCalled();
    expect((await database.get('items', waiting.id))!.status).toBe('processing');

    await engine.tick();
    expect(process).toHaveBeenCalledTimes(1);
    expect((await database.get('items', waiting.id))!.status).toBe('ready');
  });
});
