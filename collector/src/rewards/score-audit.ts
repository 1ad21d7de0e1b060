// The scoring audit trail (signal_scores): why each stored signal earned what it did, and what a
// deletion takes back. No content is kept here.
import type { Queries } from '../db/store';
import type { SignalScore } from './scoring';

export async function recordScores(tx: Queries, bundleId: string, devicePub: string, scores: readonly SignalScore[], day: string, at: number): Promise<void> {
  if (scores.length === 0) return;
  await tx
    .insertInto('signal_scores')
    .values(scores.map((s) => ({ bundle_id: bundleId, signal_id: s.signalId, device_pub: devicePub, units: s.units, reason: s.reason, day, scored_at: at })))
    .execute();
}

/** Marks the signals deleted and returns the units they had earned. */
export async function debitScores(tx: Queries, bundleId: string, signalIds: readonly string[], at: number): Promise<number> {
  if (signalIds.length === 0) return 0;
  const rows = await tx
    .updateTable('signal_scores')
    .set({ deleted_at: at })
    .where('bundle_id', '=', bundleId)
    .where('signal_id', 'in', signalIds)
    .returning('units')
    .execute();
  return rows.reduce((sum, r) => sum + Number(r.units), 0);
}
