// What the community dataset export reads: the live (non-deleted) signals.
// Deleted signals are gone from the table, so nothing deleted can be exported.
import { decodeVector } from '../../../utils/wire/index';
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
export async function liveSignals(db: Queries): Promise<DatasetSignal[]> {
  const rows = await db
    .selectFrom('signals')
    .select(['device_pub', 'origin', 'text', 'embedding', 'model_embed', 'lang', 'visited_at'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    devicePub: r.device_pub,
    origin: r.origin,
    text: r.text,
    embedding: Array.from(decodeVector(r.embedding)),
    model: r.model_embed,
    lang: r.lang,
    visitedAt: r.visited_at,
  }));
}
