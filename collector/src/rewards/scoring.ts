// Proof of contribution: which signals of a bundle earn reward units. Pure: ingest's unit of work
// supplies what the device already earned with (ScoringContext) inside the bundle's transaction, so two
// concurrent bundles cannot both slip under the cap or both claim the same content.
import { scoreReasonSchema, type ScoreReason } from '../../../utils/collector-api/score-reasons';
import { canonicalBytes, decodeVectorB64, sha256Hex, type Signal } from '../../../utils/wire/index';

export type { ScoreReason };

export interface ScoringRules {
  /** Cosine similarity at or above which two embeddings (same model, same device) are the same content. */
  nearDuplicateCosine: number;
  /** Units one device can earn per UTC day (of receipt). */
  dailyCapUnits: number;
  /** Units a scoring signal earns. */
  unitsPerSignal: number;
}

export const SCORE_REASONS: readonly ScoreReason[] = scoreReasonSchema.options;

/** A signal the device already earned with and still has stored. */
export interface EarnedSignal {
  contentHash: string;
  model: string;
  embedding: ArrayLike<number>;
}

export interface ScoringContext {
  earned: readonly EarnedSignal[];
  /** Ids among the bundle's signals that the device deleted before: re-sending them earns nothing. */
  deletedSignalIds: ReadonlySet<string>;
  /** Units already credited to the device on this UTC day. */
  unitsToday: number;
}

export interface SignalScore {
  signalId: string;
  units: number;
  reason: ScoreReason;
}

const CONTENT_HASH_TAG = 'tributary/reward-content/v1';

/** Exact-duplicate key: origin + whitespace-normalised, case-folded text. */
export function contentHash(origin: string, text: string): string {
  return sha256Hex(canonicalBytes(CONTENT_HASH_TAG, { origin, text: text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase() }));
}

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

/**
 * cosine with both norms already known: the same arithmetic, without recomputing them per pair.
 * Float32Arrays (holding exactly the decoded embeddings' numbers) keep this hot loop on one fast path.
 */
function cosineWithNorms(a: Float32Array, na: number, b: Float32Array, nb: number): number {
  if (a.length !== b.length) return 0;
  if (na === 0 || nb === 0) return 0;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot / (na * nb);
}

const asFloat32 = (v: ArrayLike<number>): Float32Array => (v instanceof Float32Array ? v : Float32Array.from(v));

/** Cosine similarity; 0 for vectors of different length or zero norm. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return a.length === b.length ? cosineWithNorms(asFloat32(a), norm(a), asFloat32(b), norm(b)) : 0;
}

/**
 * Scores a bundle's signals in order. A signal scores when it is valid (non-blank text, non-zero
 * embedding), was not deleted before, repeats neither the exact text+origin nor (cosine ≥
 * threshold, same embedding model) the content of anything this device earned with — earlier
 * signals of the same bundle included — and the device's daily cap has room.
 */
export function scoreBundle(
  signals: readonly Signal[],
  ctx: ScoringContext,
  rules: ScoringRules,
  /** contentHash of each signal, when the caller has them already. */
  contentHashes: readonly string[] = signals.map((s) => contentHash(s.origin, s.text)),
): SignalScore[] {
  // Each earned embedding's norm is computed once, not once per signal it is compared with.
  const earned = ctx.earned.map((e) => ({ model: e.model, embedding: asFloat32(e.embedding), norm: norm(e.embedding) }));
  const hashes = new Set(ctx.earned.map((e) => e.contentHash));
  let today = ctx.unitsToday;
  return signals.map((s, i): SignalScore => {
    const miss = (reason: ScoreReason): SignalScore => ({ signalId: s.id, units: 0, reason });
    const embedding = decodeVectorB64(s.embedding);
    const n = norm(embedding);
    if (s.text.trim().length === 0 || n === 0) return miss('invalid');
    if (ctx.deletedSignalIds.has(s.id)) return miss('deleted_item');
    const hash = contentHashes[i]!;
    if (hashes.has(hash)) return miss('duplicate');
    if (earned.some((e) => e.model === s.models.embed && cosineWithNorms(e.embedding, e.norm, embedding, n) >= rules.nearDuplicateCosine)) {
      return miss('near_duplicate');
    }
    if (today + rules.unitsPerSignal > rules.dailyCapUnits) return miss('daily_cap');
    today += rules.unitsPerSignal;
    hashes.add(hash);
    earned.push({ model: s.models.embed, embedding, norm: n });
    return { signalId: s.id, units: rules.unitsPerSignal, reason: 'scored' };
  });
}

export const totalUnits = (scores: readonly SignalScore[]): number => scores.reduce((sum, s) => sum + s.units, 0);

/** UTC calendar day (YYYY-MM-DD) of a millisecond timestamp; the cap's day. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
