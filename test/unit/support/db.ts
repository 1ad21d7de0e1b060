// Shared builders for the extension unit tests: a fresh fake IndexedDB per test and stored items.
import { IDBFactory } from 'fake-indexeddb';
import { openTributaryDb, type Db, type StoredItem } from '../../../utils/store/db';

/** A brand-new IndexedDB (fake) so no test sees another's records. */
export async function freshDb(): Promise<Db> {
  globalThis.indexedDB = new IDBFactory();
  return openTributaryDb();
}

export const HOUR_MS = 3_600_000;
/** A fixed, whole-hour-plus-some instant inside the wire format's accepted range. */
export const T0 = Date.UTC(2026, 10, 25, 14, 37, 12, 345);

/** A processed item, ready to be bundled, unless overridden. */
export function makeItem(overrides: Partial<StoredItem> = {}): StoredItem {
  return {
    id: crypto.randomUUID(),
    origin: 'https://example.com',
    visitedAt: T0,
    dwellMs: 12_000,
    scrollDepth: 0.5,
    interactions: 2,
    lang: 'en',
    status: 'ready',
    redacted: { title: 'A page about [PERSON]', text: 'Met [PERSON] in [LOCATION].' },
    entityCounts: { PERSON: 2, LOCATION: 1 },
    embedding: Array.from({ length: 16 }, (_, i) => Math.cos(i) / 4),
    models: { embed: 'embed-model', ner: 'ner-model' },
    attempts: 1,
    ...overrides,
  };
}

export async function putItems(database: Db, items: StoredItem[]): Promise<void> {
  for (const item of items) await database.put('items', item);
}
