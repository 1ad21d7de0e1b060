import type { AnonymizedPage, ProcessedPage, PageText } from '../protocol/model-host';

/**
 * One observed page visit on this device, in exactly one state of its life (see lifecycle.ts):
 * processing → (held, when review-before-sending is on) → ready → queued (in a bundle) → sent.
 * `failed` items could not be anonymized; they are never sent and wait, visible, for a retry.
 * Each state carries only the fields it has, so a raw text can never reach a bundle and a
 * processed field can never be read before the models ran: both are type errors.
 */
interface Visit {
  id: string;
  origin: string;
  visitedAt: number;
  dwellMs: number;
  scrollDepth: number;
  interactions: number;
  lang?: string;
  /** The site reserves text and data mining (TDMRep): the visit came without title or text, and none may be added. */
  tdmReserved?: true;
  /** Anonymization attempts so far. */
  attempts: number;
}

/** What the models left of the page: exactly what leaves the device. */
interface Processed {
  redacted: PageText;
  entityCounts: Record<string, number>;
  embedding: number[];
  models: ProcessedPage['models'];
}

/** Waiting for the models; the page text as observed, kept only until it has been anonymized and embedded. */
export interface ProcessingItem extends Visit {
  status: 'processing';
  raw: PageText;
  /** The anonymizer's result, waiting for the embedding model (a backlog runs one model at a time). */
  anonymized?: AnonymizedPage;
}
export interface FailedItem extends Visit {
  status: 'failed';
  raw: PageText;
  error: string;
}
/** Anonymized, waiting for the user's approval (review before sending). */
export interface HeldItem extends Visit, Processed {
  status: 'held';
}
export interface ReadyItem extends Visit, Processed {
  status: 'ready';
}
/** Sealed into the pending bundle `bundleId`. */
export interface QueuedItem extends Visit, Processed {
  status: 'queued';
  bundleId: string;
}
/** Acknowledged by the collector with a receipt that verified. */
export interface SentItem extends Visit, Processed {
  status: 'sent';
  bundleId: string;
  sentAt: number;
}

export type StoredItem = ProcessingItem | FailedItem | HeldItem | ReadyItem | QueuedItem | SentItem;
export type ItemStatus = StoredItem['status'];
export type ItemIn<S extends ItemStatus> = Extract<StoredItem, { status: S }>;

export const ITEM_STATUSES = ['processing', 'held', 'ready', 'queued', 'sent', 'failed'] as const satisfies readonly ItemStatus[];
/** Still only on the device and in no bundle: what the queue bound counts and may drop. */
export const UNSENT_STATUSES = ['processing', 'held', 'ready', 'failed'] as const satisfies readonly ItemStatus[];
