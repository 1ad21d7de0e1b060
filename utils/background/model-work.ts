import { itemsForModels, recordAnonymized, recordModelResults } from '../items/item-store';
import type { FailedItem, ProcessingItem } from '../items/item';
import type { AnonymizedPage, ProcessedPage, PageText } from '../protocol/model-host';
import type { Db } from '../store/db';

/** Pages processed per model call: enough to batch embeddings, small enough to stay responsive. */
export const PROCESS_BATCH = 8;

/** The model host as the backlog uses it: one model per phase. */
export interface BacklogModels {
  anonymize(pages: PageText[]): Promise<AnonymizedPage[]>;
  embedPages(pages: AnonymizedPage[]): Promise<ProcessedPage[]>;
  /** Frees the host's memory before the next phase loads the other model. */
  releaseNow(): Promise<unknown>;
}

type Waiting = ProcessingItem | FailedItem;
type Anonymized = ProcessingItem & { anonymized: AnonymizedPage };
const isAnonymized = (item: Waiting): item is Anonymized => item.status === 'processing' && item.anonymized !== undefined;

async function inBatches<T>(items: readonly T[], mayProcess: () => boolean, run: (batch: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length && mayProcess(); i += PROCESS_BATCH) await run(items.slice(i, i + PROCESS_BATCH));
}

/**
 * Runs waiting items through the models in two phases, batch by batch: every waiting page through
 * the anonymizer, then the host is released, then the anonymized texts through the embedding
 * model. One model is in memory at a time: WASM memory never shrinks, so two models in one host
 * hold both their peaks until it closes. The anonymizer's results are stored with the item (its raw
 * text kept), so a service worker stopped between the phases resumes with the embedding. Success
 * replaces the raw text with the anonymized one; failure in either phase keeps the item on the
 * device, marked failed, so it is never sent half-processed (utils/items/lifecycle.ts).
 */
export async function processWaitingItems(
  database: Db,
  models: BacklogModels,
  holdForReview: boolean,
  /** Asked before every batch; false leaves the rest waiting for a later pass. */
  mayProcess: () => boolean = () => true,
): Promise<{ processed: number; failed: number }> {
  let processed = 0;
  let failed = 0;
  let anonymized = 0;
  const toAnonymize = (await itemsForModels(database)).filter((item) => !isAnonymized(item));
  await inBatches(toAnonymize, mayProcess, async (batch) => {
    let results: AnonymizedPage[] | null = null;
    let error = '';
    try {
      results = await models.anonymize(batch.map((item) => item.raw));
    } catch (err) {
      error = String(err).slice(0, 300);
    }
    const counts = await recordAnonymized(database, batch, results, error);
    anonymized += counts.anonymized;
    failed += counts.failed;
  });
  const toEmbed = (await itemsForModels(database)).filter(isAnonymized);
  if (toEmbed.length === 0) return { processed, failed };
  if (anonymized > 0) await models.releaseNow();
  await inBatches(toEmbed, mayProcess, async (batch) => {
    let results: ProcessedPage[] | null = null;
    let error = '';
    try {
      results = await models.embedPages(batch.map((item) => item.anonymized));
    } catch (err) {
      error = String(err).slice(0, 300);
    }
    const counts = await recordModelResults(database, batch, results, error, holdForReview);
    processed += counts.processed;
    failed += counts.failed;
  });
  return { processed, failed };
}
