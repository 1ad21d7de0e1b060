// Shared builders for the extension unit tests: a fresh fake IndexedDB per test and stored items.
import { IDBFactory } from 'fake-indexeddb';
import type { FailedItem, HeldItem, ProcessingItem, QueuedItem, ReadyItem, SentItem, StoredItem } from '../../../utils/items/item';
import { openTributaryDb, type Db } from '../../../utils/store/db';

/** A brand-new IndexedDB (fake) so no test sees another's records. */
export async function freshDb(): Promise<Db> {
  globalThis.indexedDB = new IDBFactory();
  return openTributaryDb();
}

export const HOUR_MS = 3_600_000;
/** A fixed, whole-hour-plus-some instant inside the wire format's accepted range. */
export const T0 = Date.UTC(2026, 10, 25, 14, 37, 12, 345);

const visit = {
  origin: 'https://example.com',
  visitedAt: T0,
  dwellMs: 12_000,
  scrollDepth: 0.5,
  interactions: 2,
  lang: 'en',
};

const processed = {
  redacted: { title: 'A page about [PERSON]', text: 'Met [PERSON] in [LOCATION].' },
  entityCounts: { PERSON: 2, LOCATION: 1 },
  embedding: Array.from({ length: 16 }, (_, i) => Math.cos(i) / 4),
  models: { embed: 'embed-model', ner: 'ner-model' },
};

/** A processed item, ready to be bundled. */
export function makeItem(overrides: Partial<ReadyItem> = {}): ReadyItem {
  return { id: crypto.randomUUID(), ...visit, status: 'ready', ...processed, attempts: 1, ...overrides };
}

export function heldItem(overrides: Partial<HeldItem> = {}): HeldItem {
  return { ...makeItem(), status: 'held', ...overrides };
}

export function queuedItem(overrides: Partial<QueuedItem> = {}): QueuedItem {
  return { ...makeItem(), status: 'queued', bundleId: crypto.randomUUID(), ...overrides };
}

export function sentItem(overrides: Partial<SentItem> = {}): SentItem {
  return { ...makeItem(), status: 'sent', bundleId: crypto.randomUUID(), sentAt: T0, ...overrides };
}

/** An item waiting for the models: raw text, nothing processed. */
export function processingItem(overrides: Partial<ProcessingItem> = {}): ProcessingItem {
  return { id: crypto.randomUUID(), ...visit, status: 'processing', raw: { title: 'raw title', text: 'raw text with a secret' }, attempts: 0, ...overrides };
}

export function failedItem(overrides: Partial<FailedItem> = {}): FailedItem {
  return { ...processingItem(), status: 'failed', error: 'earlier failure', attempts: 1, ...overrides };
}

export async function putItems(database: Db, items: StoredItem[]): Promise<void> {
  for (const item of items) await database.put('items', item);
}
