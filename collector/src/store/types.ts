import type { BundleEnvelope, DeletionScope, IngestReceipt, Signal } from '../../../utils/wire/index';

export interface StoredBundleRef {
  bundleId: string;
  devicePub: string;
  envelopeHash: string;
  /** null once the bundle's content was deleted; the row stays as a tombstone so a replay can't re-credit it. */
  receipt: IngestReceipt | null;
  deleted: boolean;
}

export interface NewBundle {
  envelope: BundleEnvelope;
  envelopeHash: string;
  signals: Signal[];
  receipt: IngestReceipt;
  /** Reward units to credit in the same transaction. */
  credit: number;
  receivedAt: number;
}

export type InsertBundleResult =
  | { status: 'stored' }
  | { status: 'duplicate'; existing: StoredBundleRef }
  | { status: 'signal_conflict' };

export interface Balance {
  devicePub: string;
  balance: number;
  bundles: number;
  signals: number;
}

export interface DeletionOutcome {
  signalIds: string[];
  bundleIds: string[];
  debited: number;
}

export interface NewDeletion {
  requestHash: string;
  devicePub: string;
  nonce: string;
  ts: number;
  scope: DeletionScope;
  receivedAt: number;
}

export type DeletionResult<R> = { status: 'deleted'; receipt: R } | { status: 'replay' };

/**
 * Persistence boundary. Methods are async so a networked implementation
 * (PostgreSQL, issue 9) can slot in; each method is one transaction.
 */
export interface Store {
  findBundle(bundleId: string): Promise<StoredBundleRef | null>;
  /** Stores envelope + signals and credits the ledger atomically; a bundleId already present is reported, never overwritten. */
  insertBundle(bundle: NewBundle): Promise<InsertBundleResult>;
  balance(devicePub: string): Promise<Balance>;
  /**
   * Records the request nonce (replay → 'replay'), deletes the device's matching
   * signals, purges the envelopes that contained them and debits the ledger —
   * one transaction, which also stores the receipt `receiptFor` makes from the
   * outcome, so a committed deletion always has its receipt on record.
   */
  deleteForDevice<R>(req: NewDeletion, receiptFor: (outcome: DeletionOutcome) => R): Promise<DeletionResult<R>>;
  /** Throws if the store cannot answer a trivial query (used by /health). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
