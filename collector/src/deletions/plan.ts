// What a deletion touches, decided from the matched signals and the scope.
import type { DeletionScope } from '../../../utils/wire/index';

/** The visit times a "day" deletion scope covers: that UTC day, as [start, end) in ms. */
export function dayRange(day: string): [number, number] {
  const start = Date.parse(`${day}T00:00:00Z`);
  return [start, start + 86_400_000];
}

export interface MatchedSignal {
  id: string;
  bundle_id: string;
}

export interface DeletionPlan {
  /** The matched signal ids, by the bundle that carried them. */
  perBundle: Map<string, string[]>;
  /** Bundles whose stored envelope is purged. */
  purge: Set<string>;
}

/**
 * Envelopes are purged for every bundle that held a deleted signal (its ciphertext still contains
 * it), plus the bundles the scope names or covers. `deviceBundleIds` is read only for scope "all".
 */
export function planDeletion(matched: readonly MatchedSignal[], scope: DeletionScope, deviceBundleIds: readonly string[]): DeletionPlan {
  const perBundle = new Map<string, string[]>();
  for (const m of matched) perBundle.set(m.bundle_id, [...(perBundle.get(m.bundle_id) ?? []), m.id]);
  const purge = new Set(perBundle.keys());
  if (scope.kind === 'all') deviceBundleIds.forEach((id) => purge.add(id));
  if (scope.kind === 'bundles') scope.bundleIds.forEach((id) => purge.add(id));
  return { perBundle, purge };
}
