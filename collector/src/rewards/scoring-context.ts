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

/** A stored earned signal as the context queries select it. */
export interface EarnedRow {
  id: string;
  content_hash: string;
  model_embed: string;
  embedding_json: string;
}

/** One EarnedSignal per stored signal, however many of the lookups returned it. */
export function earnedSignals(rows: Iterable<EarnedRow>): EarnedSignal[] {
  const byId = new Map<string, EarnedSignal>();
  for (const r of rows) {
    if (byId.has(r.id)) continue;
    byId.set(r.id, { contentHash: r.content_hash, model: r.model_embed, embedding: JSON.parse(r.embedding_json) as number[] });
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
