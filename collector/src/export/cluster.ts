// Deterministic greedy ("leader") clustering by cosine similarity: each vector
// joins the first cluster whose leader it is at least `threshold` similar to,
// else it leads a new one. Same input order, same clusters.
import { cosine } from '../rewards/scoring';

export function leaderClusters(vectors: readonly (readonly number[])[], threshold: number): number[] {
  const leaders: (readonly number[])[] = [];
  return vectors.map((v) => {
    const found = leaders.findIndex((l) => cosine(l, v) >= threshold);
    if (found >= 0) return found;
    leaders.push(v);
    return leaders.length - 1;
  });
}
