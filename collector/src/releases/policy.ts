// What a release follows: the community's rules in force (policy/in-force.ts: the smallest k, the
// licence, the cadence) and the collector's topic threshold.
import type { RulesInForce } from '../policy/in-force';

export interface ReleasePolicy {
  /** Minimum distinct devices behind every released topic (and every named origin). */
  minK: number;
  /** SPDX identifier of the dataset's licence. */
  license: string;
  /** How often a release is cut. */
  cadenceMs: number;
  /** Cosine similarity at which two embeddings share a topic. */
  topicThreshold: number;
}

export function releasePolicy(rules: RulesInForce, topicThreshold: number): ReleasePolicy {
  return { minK: rules.minK, license: rules.license, cadenceMs: rules.releaseCadence * 1000, topicThreshold };
}
