import type { PageObservation } from '../messages';
import type { ProcessedPage, PageText } from '../pipeline/process-pages';
import type { Db, StoredItem } from '../store/db';

/** Unsent items kept on the device at most; beyond it the oldest are dropped, with a notice. */
export const MAX_UNSENT_ITEMS = 2000;
/** Pages processed per model call: enough to batch embeddings, small enough to stay responsive. */
export const PROCESS_BATCH = 8;
/** After this many failed anonymization attempts an item waits for the user instead of retrying. */
export const MAX_PROCESS_ATTEMPTS = 3;

const UNSENT = ['processing', 'held', 'ready', 'failed'] as const;

export async function recordObservation(database: Db, observation: PageObservation): Promise<{ item: StoredItem; dropped: number }> {
  const item: StoredItem = {
    id: crypto.randomUUID(),
    origin: observation.origin,
    visitedAt: observation.visitedAt,
    dwellMs: observation.dwellMs,
    scrollDepth: observation.scrollDepth,
    interactions: observation.interactions,
    lang: observation.lang,
    status: 'processing',
    raw: { title: observation.title, text: observation.text },
    attempts: 0,
  };
  await database.put('items', item);
  return { item, dropped: await enforceBound(database) };
}

async function enforceBound(database: Db): Promise<number> {
  const unsent: StoredItem[] = [];
  for (const status of UNSENT) unsent.push(...(await database.getAllFromIndex('items', 'status', status)));
  const excess = unsent.length - MAX_UNSENT_ITEMS;
  if (excess <= 0) return 0;
  unsent.sort((a, b) => a.visitedAt - b.visitedAt);
  const tx = database.transaction('items', 'readwrite');
  await Promise.all(unsent.slice(0, excess).map((i) => tx.store.delete(i.id)));
  await tx.done;
  return excess;
}

/**
 * Runs waiting items through the models. Success replaces the raw text with the anonymized
 * one (raw text is not kept once it is no longer needed); failure keeps the item on the device,
 * marked failed, so it is never sent half-processed.
 */
export async function processWaitingItems(
  database: Db,
  process: (pages: PageText[]) => Promise<ProcessedPage[]>,
  holdForReview: boolean,
  /** Asked before every batch; false leaves the rest waiting for a later pass. */
  mayProcess: () => boolean = () => true,
): Promise<{ processed: number; failed: number }> {
  const waiting = [
    ...(await database.getAllFromIndex('items', 'status', 'processing')),
    ...(await database.getAllFromIndex('items', 'status', 'failed')).filter((i) => i.attempts < MAX_PROCESS_ATTEMPTS),
  ];
  let processed = 0;
  let failed = 0;
  for (let i = 0; i < waiting.length && mayProcess(); i += PROCESS_BATCH) {
    const batch = waiting.slice(i, i + PROCESS_BATCH);
    let results: ProcessedPage[] | null = null;
    let error = '';
    try {
      results = await process(batch.map((item) => item.raw ?? { title: '', text: '' }));
    } catch (err) {
      error = String(err).slice(0, 300);
    }
    const tx = database.transaction('items', 'readwrite');
    for (const [j, item] of batch.entries()) {
      const fresh = await tx.store.get(item.id);
      if (!fresh || (fresh.status !== 'processing' && fresh.status !== 'failed')) continue;
      const result = results?.[j];
      if (result) {
        const { raw: _dropped, error: _cleared, ...rest } = fresh;
        await tx.store.put({
          ...rest,
          status: holdForReview ? 'held' : 'ready',
          redacted: { title: result.title, text: result.text },
          entityCounts: result.entityCounts,
          embedding: result.embedding,
          models: result.models,
          attempts: fresh.attempts + 1,
        });
        processed += 1;
      } else {
        await tx.store.put({ ...fresh, status: 'failed', error: error || 'no result', attempts: fresh.attempts + 1 });
        failed += 1;
      }
    }
    await tx.done;
  }
  return { processed, failed };
}
