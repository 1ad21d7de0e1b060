// The reward ledger as the API shows it, from the rows both stores (SQLite, PostgreSQL) read.
import type { LedgerEntry } from '../store/types';
import type { ScoreReason } from './scoring';

export interface LedgerRow {
  device_pub: string;
  bundle_id: string;
  kind: 'credit' | 'deletion';
  amount: number;
  signal_count: number;
  created_at: number;
}

export interface ReasonCountRow {
  bundle_id: string;
  reason: ScoreReason;
  n: number;
}

export const LEDGER_SQL = (list: string): string =>
  `SELECT device_pub, bundle_id, kind, amount, signal_count, created_at FROM ledger WHERE device_pub IN (${list}) ORDER BY id`;
export const REASON_COUNTS_SQL = (list: string): string =>
  `SELECT bundle_id, reason, COUNT(*) AS n FROM signal_scores WHERE device_pub IN (${list}) GROUP BY bundle_id, reason`;

/** Ledger rows with each credit's per-signal scoring outcome counts. */
export function ledgerEntries(rows: readonly LedgerRow[], reasonRows: readonly ReasonCountRow[]): LedgerEntry[] {
  const reasons = new Map<string, Partial<Record<ScoreReason, number>>>();
  for (const r of reasonRows) reasons.set(r.bundle_id, { ...reasons.get(r.bundle_id), [r.reason]: r.n });
  return rows.map((r) => ({
    devicePub: r.device_pub,
    bundleId: r.bundle_id,
    kind: r.kind,
    units: r.amount,
    signalCount: r.signal_count,
    createdAt: r.created_at,
    reasons: r.kind === 'credit' ? (reasons.get(r.bundle_id) ?? {}) : {},
  }));
}
