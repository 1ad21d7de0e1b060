// The reward ledger: append-only, one 'credit' row per accepted bundle, one 'deletion' debit row
// per bundle a deletion touched. A device's balance is the sum of its rows.
import type { Queries } from '../db/store';
import type { ScoreReason } from './scoring';

export interface NewLedgerRow {
  devicePub: string;
  bundleId: string;
  kind: 'credit' | 'deletion';
  /** Units; negative for a debit. */
  amount: number;
  signalCount: number;
  /** The deletion request a debit answers; null for credits. */
  requestHash: string | null;
  createdAt: number;
}

export async function appendLedger(tx: Queries, rows: readonly NewLedgerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('ledger')
    .values(
      rows.map((r) => ({
        device_pub: r.devicePub,
        bundle_id: r.bundleId,
        kind: r.kind,
        amount: r.amount,
        signal_count: r.signalCount,
        request_hash: r.requestHash,
        created_at: r.createdAt,
      })),
    )
    .execute();
}

/** Sum of the devices' ledger (credits minus deletion debits), in reward units. */
export async function earnedUnits(db: Queries, devicePubs: readonly string[]): Promise<number> {
  if (devicePubs.length === 0) return 0;
  const row = await db
    .selectFrom('ledger')
    .select((eb) => eb.fn.sum<number | null>('amount').as('units'))
    .where('device_pub', 'in', devicePubs)
    .executeTakeFirst();
  return Number(row?.units ?? 0);
}

export interface LedgerEntry {
  devicePub: string;
  bundleId: string;
  kind: 'credit' | 'deletion';
  units: number;
  signalCount: number;
  createdAt: number;
  /** Per-signal scoring outcome counts (credits only). */
  reasons: Partial<Record<ScoreReason, number>>;
}

/** The devices' ledger rows in append order, each credit with its per-signal scoring outcome counts. */
export async function ledgerEntries(db: Queries, devicePubs: readonly string[]): Promise<LedgerEntry[]> {
  if (devicePubs.length === 0) return [];
  const rows = await db
    .selectFrom('ledger')
    .select(['device_pub', 'bundle_id', 'kind', 'amount', 'signal_count', 'created_at'])
    .where('device_pub', 'in', devicePubs)
    .orderBy('id')
    .execute();
  const reasonRows = await db
    .selectFrom('signal_scores')
    .select((eb) => ['bundle_id', 'reason', eb.fn.countAll<number>().as('n')])
    .where('device_pub', 'in', devicePubs)
    .groupBy(['bundle_id', 'reason'])
    .execute();
  const reasons = new Map<string, Partial<Record<ScoreReason, number>>>();
  for (const r of reasonRows) reasons.set(r.bundle_id, { ...reasons.get(r.bundle_id), [r.reason]: Number(r.n) });
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
