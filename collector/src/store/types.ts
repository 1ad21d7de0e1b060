import type { BundleEnvelope, DeletionScope, IngestReceipt, Signal } from '../../../utils/wire/index';
import type { ScoreReason, ScoringContext, SignalScore } from '../rewards/scoring';
import type { DatasetStore } from '../export/store';
import type { TransparencyStore } from '../transparency/types';

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
  /** The envelope as JSON in schema key order: the bytes the blob store holds (under `cid`), kept on the row too. */
  envelopeJson: string;
  signals: Signal[];
  /** Content address of the envelope, already in the blob store. */
  cid: string;
  /** Scores the signals against what the device already earned with, inside the insert's transaction. */
  score: (ctx: ScoringContext) => SignalScore[];
  /** The receipt for the units the scores add up to; stored with the bundle. */
  receiptFor: (credited: number) => IngestReceipt;
  receivedAt: number;
}

export type InsertBundleResult =
  | { status: 'stored'; receipt: IngestReceipt }
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

export interface NewLinkNonce {
  nonce: string;
  devicePub: string;
  issuedAt: number;
  expiresAt: number;
}

export interface NewWalletLink {
  devicePub: string;
  /** EIP-55 checksummed. */
  wallet: string;
  chainId: number;
  nonce: string;
  message: string;
  walletSig: string;
  deviceSig: string;
  linkedAt: number;
}

/** `nonce_invalid`: unknown, issued to another device, expired or already used. */
export type WalletLinkResult = { status: 'linked' } | { status: 'nonce_invalid' } | { status: 'already_linked'; wallet: string };

export interface LedgerEntry {
  devicePub: string;
  bundleId: string;
  kind: 'credit' | 'deletion';
  units: number;
  signalCount: number;
  createdAt: number;
  /** Per-signal scoring outcome counts (credits only; empty for bundles stored before scoring). */
  reasons: Partial<Record<ScoreReason, number>>;
}

export interface IssuedVoucher {
  wallet: string;
  chainId: number;
  contract: string;
  cumulativeAmount: bigint;
  deadline: number;
  issuedAt: number;
}

/** Wallet links, link nonces, issued vouchers and reward history. */
export interface RewardsStore {
  issueLinkNonce(n: NewLinkNonce): Promise<void>;
  /** Consumes the nonce (it must be this device's, unexpired and unused at `linkedAt`) and records the link, atomically. */
  linkWallet(link: NewWalletLink): Promise<WalletLinkResult>;
  walletOf(devicePub: string): Promise<string | null>;
  devicesOf(wallet: string): Promise<string[]>;
  /** Sum of the devices' ledger (credits minus deletion debits), in reward units. */
  earnedUnits(devicePubs: readonly string[]): Promise<number>;
  ledgerEntries(devicePubs: readonly string[]): Promise<LedgerEntry[]>;
  recordVoucher(v: IssuedVoucher): Promise<void>;
  /** Largest cumulative amount ever signed for this wallet on this chain + contract (0n if none). */
  maxIssuedVoucher(wallet: string, chainId: number, contract: string): Promise<bigint>;
}

/**
 * Persistence boundary. Methods are async so a networked implementation
 * (PostgreSQL, issue 9) can slot in; each method is one transaction.
 */
export interface Store extends RewardsStore, TransparencyStore, DatasetStore {
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
