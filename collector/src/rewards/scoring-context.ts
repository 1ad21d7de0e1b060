// What both stores share when they build a ScoringContext without reading the device's whole
// history: the bundle's lookup keys, the window size, and turning signal rows into EarnedSignals.
import type { Signal } from '../../../utils/wire/index';
import { contentHash, type EarnedSignal, type SignalScore } from './scoring';

/**
 * How many of the device's most recent earned signals (per embedding model) a new signal is
 * compared with for near-duplicates. A deliberate trade-off: comparing with the whole history
 * made every ingest O(history). Exact duplicates are still found across the whole history (an
 * indexed lookup of the bundle's content hashes); only a near-duplicate of something older than
 * the window can score again, and the daily cap bounds what cycling such content could earn.
 */
export const NEAR_DUPLICATE_WINDOW = 512;

/** A signal of the bundle being scored, as the context lookups need it. */
export interface BundleSignalKey {
  id: string;
  contentHash: string;
  model: string;
}

export function bundleSignalKeys(signals: readonly Signal[]): BundleSignalKey[] {
  return signals.map((s) => ({ id: s.id, contentHash: contentHash(s.origin, s.text), model: s.models.embed }));
}

/** A stored earned signal as the context queries select it (EARNED_COLUMNS). */
export interface EarnedRow {
  id: string;
  content_hash: string;
  model_embed: string;
  /** null only for rows stored before migration 5, which have embedding_json instead. */
  embedding_f64: Uint8Array | null;
  embedding_json: string | null;
}

/** The select list for EarnedRow: the JSON is only read for rows without the binary form. */
export const EARNED_COLUMNS =
  'id, content_hash, model_embed, embedding_f64, CASE WHEN embedding_f64 IS NULL THEN embedding_json END AS embedding_json';

/** The embedding as little-endian float64s (exact: the same numbers JSON would carry). */
export function embeddingBytes(embedding: readonly number[]): Buffer {
  const buf = Buffer.allocUnsafe(embedding.length * 8);
  embedding.forEach((x, i) => buf.writeDoubleLE(x, i * 8));
  return buf;
}

const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

function embeddingOf(r: EarnedRow): readonly number[] | Float64Array {
  const bytes = r.embedding_f64;
  if (!bytes) return JSON.parse(r.embedding_json!) as number[];
  // One aligned copy read as native doubles; a byte-by-byte decode only on big-endian hosts.
  if (LITTLE_ENDIAN) return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: bytes.byteLength / 8 }, (_, i) => view.getFloat64(i * 8, true));
}

/** One EarnedSignal per stored signal, however many of the lookups returned it. */
export function earnedSignals(rows: Iterable<EarnedRow>): EarnedSignal[] {
  const byId = new Map<string, EarnedSignal>();
  for (const r of rows) {
    if (byId.has(r.id)) continue;
    byId.set(r.id, { contentHash: r.content_hash, model: r.model_embed, embedding: embeddingOf(r) });
  }
  return [...byId.values()];
}

/** Signals stored before content hashes were (migration 4), still to be hashed. */
export interface UnhashedRow {
  id: string;
  origin: string;
  text: string;
}

export const hashOf = (r: UnhashedRow): string => contentHash(r.origin, r.text);

export const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Per signal id: did it earn units (and so join what later bundles are compared with)? */
export const earnedFlags = (scores: readonly SignalScore[]): Map<string, boolean> => new Map(scores.map((s) => [s.signalId, s.units > 0]));
