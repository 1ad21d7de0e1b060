// What the community dataset export reads: the live (non-deleted) signals, opened with their
// bundles' keys. Deleted signals are gone from the table, and a row whose key was destroyed (a
// deletion whose commit failed after its keys went, or a copy of the database restored after a
// deletion) does not open: nothing deleted can be exported.
import { decodeVector } from '../../../utils/wire/index';
import { openStoredSignal } from '../at-rest/content';
import type { Keyring } from '../at-rest/keyring';
import type { Queries } from '../db/store';

export interface DatasetSignal {
  devicePub: string;
  origin: string;
  text: string;
  embedding: number[];
  model: string;
  lang: string | null;
  visitedAt: number;
}

/** Ordered so the export is deterministic. */
export async function liveSignals(db: Queries, keyring: Keyring): Promise<DatasetSignal[]> {
  const rows = await db
    .selectFrom('signals')
    .select(['id', 'bundle_id', 'device_pub', 'origin', 'sealed', 'model_embed', 'lang', 'visited_at'])
    .orderBy('id')
    .execute();
  const signals: DatasetSignal[] = [];
  for (const r of rows) {
    const content = await openStoredSignal(keyring, r);
    if (!content) continue;
    signals.push({
      devicePub: r.device_pub,
      origin: r.origin,
      text: content.text,
      embedding: Array.from(decodeVector(content.embedding)),
      model: r.model_embed,
      lang: r.lang,
      visitedAt: r.visited_at,
    });
  }
  return signals;
}
