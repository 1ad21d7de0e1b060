import type { InclusionCheck } from './background/dataset-proof';
import type { Status } from './background/status';
import type { Consent } from './consent/settings';
import type { ModelProgress } from './messages';
import type { ItemStatus, StoredItem } from './items/item';
import type { DeletionRecord } from './store/db';

/** What the popup and dashboard render; assembled by the background from storage on each request. */
export interface ExtensionState {
  consent: Consent;
  devicePub: string | null;
  collectorUrl: string;
  /** Page visits observed since local midnight. */
  collectedToday: number;
  items: Record<ItemStatus, number>;
  bundles: { pending: number; accepted: number };
  /** Reward units as last reported by the collector; null before the first answer. */
  balance: { balance: number; updatedAt: number } | null;
  /** Pending (no wallet yet), claimable and claimed token amounts; null without a reward chain. */
  rewards: Status['rewards'];
  /** The collector's receipt key every receipt shown was checked against. */
  collectorReceiptKey: string | null;
  collector: { reachable: boolean | null; lastError: string | null; checkedAt: number | null };
  model: ModelProgress;
  /** Items dropped because the queue was full, since the user last looked. */
  droppedNotice: number;
}

type AnyItemField<K extends PropertyKey> = StoredItem extends infer I ? (I extends Record<K, infer V> ? V : never) : never;

/**
 * An item as the dashboard lists it, whatever its state: no embedding; the raw text only while
 * it has not been anonymized (or failed to be), the anonymized text after.
 */
export type ItemView = Pick<StoredItem, 'id' | 'origin' | 'visitedAt' | 'dwellMs' | 'scrollDepth' | 'interactions' | 'lang' | 'attempts'> & {
  status: ItemStatus;
  raw?: AnyItemField<'raw'>;
  redacted?: AnyItemField<'redacted'>;
  entityCounts?: AnyItemField<'entityCounts'>;
  models?: AnyItemField<'models'>;
  bundleId?: string;
  sentAt?: number;
  error?: string;
  receipt?: { bundleId: string; storedAt: number } | null;
  /** The last check of this item's bundle against the collector's transparency log. */
  inclusion?: InclusionCheck | null;
};

export interface ItemsReply {
  items: ItemView[];
  deletions: DeletionRecord[];
  /** By bundle id, including deleted bundles that must be absent from the log. */
  inclusion: Record<string, InclusionCheck>;
}

export type UiReply<T> = { ok: true; value: T } | { ok: false; error: string };
