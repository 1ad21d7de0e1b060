import type { PageObservation } from '../protocol/page-observer';
import type { AnonymizedPage, ProcessedPage } from '../protocol/model-host';
import type { Db } from '../store/db';
import { ITEM_STATUSES, UNSENT_STATUSES, type FailedItem, type ItemStatus, type ProcessingItem, type ReadyItem, type StoredItem } from './item';
import { isIn, lifecycle, type Transition } from './lifecycle';

/**
 * The only code that writes items. Each change is one transition of lifecycle.ts, read and
 * written in one IndexedDB transaction, so a service worker stopped at any moment leaves every
 * item in exactly one state.
 */

/** Unsent items kept on the device at most; beyond it the oldest are dropped, with a notice. */
export const MAX_UNSENT_ITEMS = 2000;
/** After this many failed anonymization attempts an item waits for the user instead of retrying. */
export const MAX_PROCESS_ATTEMPTS = 3;

/** The items object store inside a transaction the caller also uses for bundles. */
export interface ItemRecords {
  get(id: string): Promise<StoredItem | undefined>;
  put(item: StoredItem): Promise<unknown>;
  delete(id: string): Promise<void>;
}

/** Applies one transition to the stored item; null (and nothing written) when it is gone or in another state. */
export async function moveItem<From extends ItemStatus, Args extends unknown[], To extends StoredItem>(
  records: ItemRecords,
  id: string,
  change: Transition<From, Args, To>,
  ...args: Args
): Promise<To | null> {
  const current = await records.get(id);
  if (!current || !isIn(current, change.from)) return null;
  const next = change.apply(current, ...args);
  await records.put(next);
  return next;
}

export async function recordObservation(database: Db, observation: PageObservation): Promise<{ item: ProcessingItem; dropped: number }> {
  const item: ProcessingItem = {
    id: crypto.randomUUID(),
    origin: observation.origin,
    visitedAt: observation.visitedAt,
    dwellMs: observation.dwellMs,
    scrollDepth: observation.scrollDepth,
    interactions: observation.interactions,
    ...(observation.lang === undefined ? {} : { lang: observation.lang }),
    ...(observation.tdmReserved ? { tdmReserved: true as const } : {}),
    status: 'processing',
    raw: { title: observation.title, text: observation.text },
    attempts: 0,
  };
  await database.put('items', item);
  return { item, dropped: await enforceBound(database) };
}

async function enforceBound(database: Db): Promise<number> {
  const unsent: StoredItem[] = [];
  for (const status of UNSENT_STATUSES) unsent.push(...(await database.getAllFromIndex('items', 'status', status)));
  const excess = unsent.length - MAX_UNSENT_ITEMS;
  if (excess <= 0) return 0;
  unsent.sort((a, b) => a.visitedAt - b.visitedAt);
  const tx = database.transaction('items', 'readwrite');
  await Promise.all(unsent.slice(0, excess).map((i) => tx.store.delete(i.id)));
  await tx.done;
  return excess;
}

/** Items the models should (re)try, oldest record first. */
export async function itemsForModels(database: Db): Promise<(ProcessingItem | FailedItem)[]> {
  const processing = (await database.getAllFromIndex('items', 'status', 'processing')).filter((i) => i.status === 'processing');
  const failed = (await database.getAllFromIndex('items', 'status', 'failed')).filter(
    (i): i is FailedItem => i.status === 'failed' && i.attempts < MAX_PROCESS_ATTEMPTS,
  );
  return [...processing, ...failed];
}

/**
 * One model phase's results for a batch, one per item, in order: `apply` moves an item with its
 * result; a missing result (or none at all, with the error) fails the item. Items deleted or edited
 * while the models ran are left alone.
 */
async function recordBatch<R>(
  database: Db,
  batch: readonly StoredItem[],
  results: readonly R[] | null,
  error: string,
  apply: (records: ItemRecords, id: string, result: R) => Promise<StoredItem | null>,
): Promise<{ moved: number; failed: number }> {
  let moved = 0;
  let failed = 0;
  const tx = database.transaction('items', 'readwrite');
  for (const [j, item] of batch.entries()) {
    const result = results?.[j];
    if (result) {
      if (await apply(tx.store, item.id, result)) moved += 1;
    } else if (await moveItem(tx.store, item.id, lifecycle.failed, error || 'no result')) {
      failed += 1;
    }
  }
  await tx.done;
  return { moved, failed };
}

/** What the anonymizer made of a batch, kept with each item until the embedding model's phase. */
export async function recordAnonymized(
  database: Db,
  batch: readonly StoredItem[],
  results: readonly AnonymizedPage[] | null,
  error: string,
): Promise<{ anonymized: number; failed: number }> {
  const { moved, failed } = await recordBatch(database, batch, results, error, (records, id, result) =>
    moveItem(records, id, lifecycle.anonymized, result),
  );
  return { anonymized: moved, failed };
}

/** What the models made of a batch: each item processed (held for review if asked) or failed. */
export async function recordModelResults(
  database: Db,
  batch: readonly StoredItem[],
  results: readonly ProcessedPage[] | null,
  error: string,
  holdForReview: boolean,
): Promise<{ processed: number; failed: number }> {
  const { moved, failed } = await recordBatch(database, batch, results, error, (records, id, result) =>
    moveItem(records, id, lifecycle.processed, result, holdForReview),
  );
  return { processed: moved, failed };
}

export async function readyItems(database: Db): Promise<ReadyItem[]> {
  return (await database.getAllFromIndex('items', 'status', 'ready')).filter((i) => i.status === 'ready');
}

/** Ready items into the bundle `bundleId`; throws if one is no longer ready, so the caller's transaction aborts. */
export async function sealItems(records: ItemRecords, ids: readonly string[], bundleId: string): Promise<void> {
  for (const id of ids) {
    if (!(await moveItem(records, id, lifecycle.sealed, bundleId))) throw new Error(`item ${id} changed while its bundle was sealed`);
  }
}

/** A pending bundle taken apart: its items are ready again, except those in `dropping` (the caller deletes them). */
export async function unsealItems(records: ItemRecords, ids: readonly string[], dropping: ReadonlySet<string> = new Set()): Promise<void> {
  for (const id of ids) if (!dropping.has(id)) await moveItem(records, id, lifecycle.unsealed);
}

export async function markItemsSent(records: ItemRecords, ids: readonly string[], sentAt: number): Promise<void> {
  for (const id of ids) await moveItem(records, id, lifecycle.sent, sentAt);
}

export async function removeItems(records: ItemRecords, ids: Iterable<string>): Promise<void> {
  for (const id of ids) await records.delete(id);
}

/** Held items the user approved become ready; anything else named is left as it is. */
export async function approveItems(database: Db, ids: readonly string[]): Promise<void> {
  const tx = database.transaction('items', 'readwrite');
  for (const id of ids) await moveItem(tx.store, id, lifecycle.approved);
  await tx.done;
}

export async function editItem(database: Db, id: string, text: string): Promise<void> {
  const tx = database.transaction('items', 'readwrite');
  // The site reserved its text: the visit carries none, and the contributor adds none in its place.
  const reserved = (await tx.store.get(id))?.tdmReserved === true;
  const edited = reserved ? null : await moveItem(tx.store, id, lifecycle.edited, text);
  await tx.done;
  if (reserved) throw new Error('the site reserves text and data mining: this visit carries no text');
  if (!edited) throw new Error('only items not yet sent can be edited');
}

export async function allItems(database: Db): Promise<StoredItem[]> {
  return database.getAll('items');
}

export async function unsentItemIdsOn(database: Db, origin: string): Promise<string[]> {
  return (await database.getAllFromIndex('items', 'origin', origin)).filter((i) => i.status !== 'sent').map((i) => i.id);
}

export async function countItemsByStatus(database: Db): Promise<Record<ItemStatus, number>> {
  const counts = {} as Record<ItemStatus, number>;
  for (const status of ITEM_STATUSES) counts[status] = await database.countFromIndex('items', 'status', status);
  return counts;
}

export async function countItemsVisitedSince(database: Db, since: number): Promise<number> {
  return database.countFromIndex('items', 'visitedAt', IDBKeyRange.lowerBound(since));
}
