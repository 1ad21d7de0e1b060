import { unpackVectors } from '../../../utils/wire/vectors';
import type { Queries } from '../db/store';
import { cosine } from '../rewards/scoring';
import type { Embedder } from './embedder';
import { indexEntries } from './queries';

/**
 * The public index's nearest texts to a query, embedded here with the same model as the index.
 * An exhaustive scan: the index holds accepted shards of public text, thousands of vectors, not
 * millions.
 */
export async function searchIndex(db: Queries, embedder: Embedder, query: string, k: number) {
  const [[q], entries] = await Promise.all([embedder.embed([query]), indexEntries(db, embedder.model)]);
  const scored = entries.map((e) => ({ text: e.text, source: e.source, score: cosine(q!, unpackVectors(e.vector_f32, 1, embedder.dims)[0]!) }));
  scored.sort((a, b) => b.score - a.score);
  return { model: embedder.model, results: scored.slice(0, k) };
}
