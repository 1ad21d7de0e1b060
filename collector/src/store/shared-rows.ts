// The rows both stores (SQLite, PostgreSQL) read and write, and what a deletion touches, decided once.
import { ingestReceiptSchema, type DeletionScope } from '../../../utils/wire/index';
import type { NewBundle, NewDeletion, StoredBundleRef } from './types';

export interface BundleRow {
  bundle_id: string;
  device_pub: string;
  envelope_hash: string;
  receipt_json: string | null;
  deleted_at: number | null;
}

export function toRef(row: BundleRow): StoredBundleRef {
  return {
    bundleId: row.bundle_id,
    devicePub: row.device_pub,
    envelopeHash: row.envelope_hash,
    receipt: row.receipt_json ? ingestReceiptSchema.parse(JSON.parse(row.receipt_json)) : null,
    deleted: row.deleted_at !== null,
  };
}

/** The visit times a "day" deletion scope covers: that UTC day, as [start, end) in ms. */
export function dayRange(day: string): [number, number] {
  const start = Date.parse(`${day}T00:00:00Z`);
  return [start, start + 86_400_000];
}

/** One row of the reward ledger, as both stores insert it. */
export interface NewLedgerRow {
  devicePub: string;
  bundleId: string;
  kind: 'credit' | 'deletion';
  amount: number;
  signalCount: number;
  requestHash: string | null;
  createdAt: number;
}

export function creditRow(b: NewBundle, credit: number): NewLedgerRow {
  return {
    devicePub: b.envelope.devicePub,
    bundleId: b.envelope.bundleId,
    kind: 'credit',
    amount: credit,
    signalCount: b.signals.length,
    requestHash: null,
    createdAt: b.receivedAt,
  };
}

/** Only what the deleted signals earned is withdrawn (unscored duplicates earned nothing). */
export function deletionRow(d: NewDeletion, bundleId: string, signalCount: number, debitedUnits: number): NewLedgerRow {
  return { devicePub: d.devicePub, bundleId, kind: 'deletion', amount: -debitedUnits, signalCount, requestHash: d.requestHash, createdAt: d.receivedAt };
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
export function planDeletion(
  matched: readonly { id: string; bundle_id: string }[],
  scope: DeletionScope,
  deviceBundleIds: readonly string[],
): DeletionPlan {
  const perBundle = new Map<string, string[]>();
  for (const m of matched) perBundle.set(m.bundle_id, [...(perBundle.get(m.bundle_id) ?? []), m.id]);
  const purge = new Set(perBundle.keys());
  if (scope.kind === 'all') deviceBundleIds.forEach((id) => purge.add(id));
  if (scope.kind === 'bundles') scope.bundleIds.forEach((id) => purge.add(id));
  return { perBundle, purge };
}
