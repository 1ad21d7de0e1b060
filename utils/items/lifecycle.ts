import type { AnonymizedPage, ProcessedPage } from '../protocol/model-host';
import type { FailedItem, HeldItem, ItemIn, ItemStatus, ProcessingItem, QueuedItem, ReadyItem, SentItem, StoredItem } from './item';

/**
 * Every way an item may change state, and from which states: the whole state machine. An item
 * in any other state is left as it is (the user deleted or edited it meanwhile). Deletion is the
 * one change allowed from every state and is not a transition: the item is gone.
 *
 *   processing | failed ─anonymized→ processing (with the anonymizer's result, waiting for the embedding)
 *   processing ─processed→ held | ready      processing | failed ─failed→ failed
 *   held ─approved→ ready                     held | ready | failed ─edited→ processing
 *   ready ─sealed→ queued ─sent→ sent         queued ─unsealed→ ready
 */
export interface Transition<From extends ItemStatus, Args extends unknown[], To extends StoredItem> {
  readonly from: readonly From[];
  readonly apply: (item: ItemIn<From>, ...args: Args) => To;
}

function transition<From extends ItemStatus, Args extends unknown[], To extends StoredItem>(
  from: readonly From[],
  apply: (item: ItemIn<From>, ...args: Args) => To,
): Transition<From, Args, To> {
  return { from, apply };
}

export function isIn<S extends ItemStatus>(item: StoredItem, statuses: readonly S[]): item is ItemIn<S> {
  return (statuses as readonly ItemStatus[]).includes(item.status);
}

/** The visit itself, which no transition changes. */
function visit(item: StoredItem) {
  const { id, origin, visitedAt, dwellMs, scrollDepth, interactions, lang, tdmReserved, attempts } = item;
  return {
    id,
    origin,
    visitedAt,
    dwellMs,
    scrollDepth,
    interactions,
    attempts,
    ...(lang === undefined ? {} : { lang }),
    ...(tdmReserved ? { tdmReserved } : {}),
  };
}

function processedFields(item: HeldItem | ReadyItem | QueuedItem) {
  const { redacted, entityCounts, embedding, models } = item;
  return { ...visit(item), redacted, entityCounts, embedding, models };
}

export const lifecycle = {
  /** The anonymizer ran; the raw text stays until the embedding model ran too, so a failure there retries both. */
  anonymized: transition(['processing', 'failed'], (item, page: AnonymizedPage): ProcessingItem => ({
    ...visit(item),
    status: 'processing',
    raw: item.raw,
    anonymized: page,
  })),
  /** The models ran: the raw text is dropped, only what they left is kept. */
  processed: transition(['processing', 'failed'], (item, page: ProcessedPage, holdForReview: boolean): HeldItem | ReadyItem => ({
    ...visit(item),
    status: holdForReview ? 'held' : 'ready',
    redacted: { title: page.title, text: page.text },
    entityCounts: page.entityCounts,
    embedding: page.embedding,
    models: page.models,
    attempts: item.attempts + 1,
  })),
  /** The models failed or timed out: the item stays on the device, never sent half-processed. */
  failed: transition(['processing', 'failed'], (item, error: string): FailedItem => ({
    ...visit(item),
    status: 'failed',
    raw: item.raw,
    error,
    attempts: item.attempts + 1,
  })),
  approved: transition(['held'], (item): ReadyItem => ({ ...processedFields(item), status: 'ready' })),
  /** An edit is new text: it goes through anonymization again before it can leave. */
  edited: transition(['held', 'ready', 'failed'], (item, text: string): ProcessingItem => ({
    ...visit(item),
    status: 'processing',
    raw: { title: item.status === 'failed' ? item.raw.title : item.redacted.title, text },
    attempts: 0,
  })),
  sealed: transition(['ready'], (item, bundleId: string): QueuedItem => ({ ...processedFields(item), status: 'queued', bundleId })),
  /** Its bundle was taken apart before the collector acknowledged it: sealed again later. */
  unsealed: transition(['queued'], (item): ReadyItem => ({ ...processedFields(item), status: 'ready' })),
  sent: transition(['queued'], (item, sentAt: number): SentItem => ({ ...processedFields(item), status: 'sent', bundleId: item.bundleId, sentAt })),
};
