// What the community dataset export reads: the live (non-deleted) signals.
// Deleted signals are gone from the table, so nothing deleted can be exported.
export interface DatasetSignal {
  devicePub: string;
  origin: string;
  text: string;
  embedding: number[];
  model: string;
  lang: string | null;
  visitedAt: number;
}

export interface DatasetStore {
  liveSignals(): Promise<DatasetSignal[]>;
}

/** Same text on SQLite and PostgreSQL; ordered so the export is deterministic. */
export const LIVE_SIGNALS_SQL =
  'SELECT device_pub, origin, text, embedding_json, model_embed, lang, visited_at FROM signals ORDER BY id';

export interface LiveSignalRow {
  device_pub: string;
  origin: string;
  text: string;
  embedding_json: string;
  model_embed: string;
  lang: string | null;
  visited_at: number;
}

export function toDatasetSignal(r: LiveSignalRow): DatasetSignal {
  return {
    devicePub: r.device_pub,
    origin: r.origin,
    text: r.text,
    embedding: JSON.parse(r.embedding_json) as number[],
    model: r.model_embed,
    lang: r.lang,
    visitedAt: r.visited_at,
  };
}
