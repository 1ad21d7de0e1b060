// What a bundle is scored against, read inside its unit of work without reading the device's whole
// history: the device's earned signals that share a content hash with the bundle's (whole history,
// by index) plus its NEAR_DUPLICATE_WINDOW most recent earned signals of each of the bundle's
// embedding models.
import { decodeVector, type Signal } from '../../../utils/wire/index';
import { openSignalWith } from '../at-rest/content';
import type { Keyring } from '../at-rest/keyring';
import type { Queries } from '../db/store';
import { contentHash, type EarnedSignal, type ScoringContext, type SignalScore } from './scoring';

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

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

interface EarnedRow {
  id: string;
  bundle_id: string;
  device_pub: string;
  content_hash: string;
  model_embed: string;
  sealed: Uint8Array;
}

/**
 * One EarnedSignal per stored signal, however many of the lookups returned it. A signal whose key
 * was destroyed is deleted content: nothing to compare with.
 */
async function earnedSignals(keyring: Keyring, rows: Iterable<EarnedRow>): Promise<EarnedSignal[]> {
  const byId = new Map<string, EarnedSignal>();
  // One key lookup (a stat of its file, at least) per bundle, not per signal: the window spans a few dozen bundles.
  const bundleKeys = new Map<string, Buffer | null>();
  for (const r of rows) {
    if (byId.has(r.id)) continue;
    const keyName = `${r.device_pub}/${r.bundle_id}`;
    let key = bundleKeys.get(keyName);
    if (key === undefined) bundleKeys.set(keyName, (key = await keyring.bundleKey(r.device_pub, r.bundle_id)));
    const content = key && openSignalWith(key, r.id, r.sealed);
    if (content) byId.set(r.id, { contentHash: r.content_hash, model: r.model_embed, embedding: decodeVector(content.embedding) });
  }
  return [...byId.values()];
}

const EARNED_COLUMNS = ['id', 'bundle_id', 'device_pub', 'content_hash', 'model_embed', 'sealed'] as const;

/** Bounded, whatever the device's history. Run it in the unit that stores the bundle, under the device's key. */
export async function scoringContext(
  tx: Queries,
  keyring: Keyring,
  devicePub: string,
  bundle: readonly BundleSignalKey[],
  day: string,
): Promise<ScoringContext> {
  const ids = bundle.map((s) => s.id);
  const hashes = distinct(bundle.map((s) => s.contentHash));
  const deleted = ids.length
    ? await tx
        .selectFrom('signal_scores')
        .select('signal_id')
        .where('device_pub', '=', devicePub)
        .where('deleted_at', 'is not', null)
        .where('signal_id', 'in', ids)
        .execute()
    : [];
  const exact = hashes.length
    ? await tx
        .selectFrom('signals')
        .select(EARNED_COLUMNS)
        .where('device_pub', '=', devicePub)
        .where('earned', '=', 1)
        .where('content_hash', 'in', hashes)
        .execute()
    : [];
  const recent: EarnedRow[] = [];
  for (const model of distinct(bundle.map((s) => s.model))) {
    recent.push(
      ...(await tx
        .selectFrom('signals')
        .select(EARNED_COLUMNS)
        .where('device_pub', '=', devicePub)
        .where('model_embed', '=', model)
        .where('earned', '=', 1)
        .orderBy('stored_at', 'desc')
        .limit(NEAR_DUPLICATE_WINDOW)
        .execute()),
    );
  }
  const today = await tx
    .selectFrom('signal_scores')
    .select((eb) => eb.fn.sum<number | null>('units').as('units'))
    .where('device_pub', '=', devicePub)
    .where('day', '=', day)
    .executeTakeFirst();
  return {
    earned: await earnedSignals(keyring, [...exact, ...recent]),
    deletedSignalIds: new Set(deleted.map((r) => r.signal_id)),
    unitsToday: Number(today?.units ?? 0),
  };
}

/** Per signal id: did it earn units (and so join what later bundles are compared with)? */
export const earnedFlags = (scores: readonly SignalScore[]): Map<string, boolean> => new Map(scores.map((s) => [s.signalId, s.units > 0]));
