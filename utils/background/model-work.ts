import { itemsForModels, recordModelResults } from '../items/item-store';
import type { ProcessedPage, PageText } from '../protocol/model-host';
import type { Db } from '../store/db';

/** Pages processed per model call: enough to batch embeddings, small enough to stay responsive. */
export const PROCESS_BATCH = 8;

/**
 * Runs waiting items through the models, batch by batch. Success replaces the raw text with the
 * anonymized one; failure keeps the item on the device, marked failed, so it is never sent
 * half-processed (utils/items/lifecycle.ts).
 */
export async function processWaitingItems(
  database: Db,
  process: (pages: PageText[]) => Promise<ProcessedPage[]>,
  holdForReview: boolean,
  /** Asked before every batch; false leaves the rest waiting for a later pass. */
  mayProcess: () => boolean = () => true,
): Promise<{ processed: number; failed: number }> {
  const waiting = await itemsForModels(database);
  let processed = 0;
  let failed = 0;
  for (let i = 0; i < waiting.length && mayProcess(); i += PROCESS_BATCH) {
    const batch = waiting.slice(i, i + PROCESS_BATCH);
    let results: ProcessedPage[] | null = null;
    let error = '';
    try {
      results = await process(batch.map((item) => item.raw));
    } catch (err) {
      error = String(err).slice(0, 300);
    }
    const counts = await recordModelResults(database, batch, results, error, holdForReview);
    processed += counts.processed;
    failed += counts.failed;
  }
  return { processed, failed };
}
