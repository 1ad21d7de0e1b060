// When two devices' embeddings of the same texts count as the same answer.
import { cosine } from '../rewards/scoring';

/**
 * Per-vector cosine tolerance. The shipped model gives the same numbers in ONNX Runtime's WASM
 * build and its native build to about 4 decimals (models/README.md); the compute e2e test and
 * `npm run bench` measure the lowest cosine between a browser's vectors and native ones (README),
 * far above this floor, while a vector of another text or a random one falls far below it.
 */
export const AGREEMENT_COSINE = 0.99;

/** The lowest cosine over corresponding vectors; -1 when the shapes differ. */
export function minCosine(a: readonly ArrayLike<number>[], b: readonly ArrayLike<number>[]): number {
  if (a.length !== b.length || a.length === 0) return -1;
  let min = 1;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.length !== b[i]!.length) return -1;
    min = Math.min(min, cosine(a[i]!, b[i]!));
  }
  return min;
}

/** Every vector of one answer within tolerance of its counterpart in the other. */
export function agree(a: readonly ArrayLike<number>[], b: readonly ArrayLike<number>[], tolerance = AGREEMENT_COSINE): boolean {
  return minCosine(a, b) >= tolerance;
}

export interface Answer<Id> {
  id: Id;
  vectors: readonly ArrayLike<number>[];
}

export type Quorum<Id> = { agreed: true; pivot: Id; agreeing: Id[]; outvoted: Id[] } | { agreed: false };

/**
 * The answer most others agree with, once at least two agree (BOINC's fuzzy quorum). Its own
 * vectors are the ones kept; the answers that agree with it are accepted, the rest outvoted.
 * Ties go to the earlier answer.
 */
export function findQuorum<Id>(answers: readonly Answer<Id>[], tolerance = AGREEMENT_COSINE): Quorum<Id> {
  let best: { pivot: Answer<Id>; agreeing: Answer<Id>[] } | null = null;
  for (const pivot of answers) {
    const agreeing = answers.filter((other) => other === pivot || agree(pivot.vectors, other.vectors, tolerance));
    if (agreeing.length >= 2 && (!best || agreeing.length > best.agreeing.length)) best = { pivot, agreeing };
  }
  if (!best) return { agreed: false };
  const agreeing = new Set(best.agreeing);
  return {
    agreed: true,
    pivot: best.pivot.id,
    agreeing: best.agreeing.map((a) => a.id),
    outvoted: answers.filter((a) => !agreeing.has(a)).map((a) => a.id),
  };
}
