// Every table of the collector's database, typed once for both dialects. Millisecond timestamps
// and unit counts are numbers on both (the PostgreSQL pool parses BIGINT/NUMERIC into numbers;
// they stay far below 2^53).
import type { Generated } from 'kysely';

export interface BundlesTable {
  bundle_id: string;
  device_pub: string;
  created_at: number;
  collector_key_id: string;
  envelope_hash: string;
  signal_count: number;
  /** NULL once purged by a deletion. */
  receipt_json: string | null;
  received_at: number;
  deleted_at: number | null;
  /** CIDv1 of the stored envelope (its blob's name); kept on the tombstone after a deletion. */
  cid: string;
}

export interface SignalsTable {
  id: string;
  bundle_id: string;
  device_pub: string;
  origin: string;
  /** Title, text, entities and embedding, sealed under the bundle's key (at-rest/content.ts). */
  sealed: Uint8Array;
  dims: number;
  model_embed: string;
  model_ner: string;
  visited_at: number;
  dwell_ms: number;
  scroll_depth: number;
  interactions: number;
  lang: string | null;
  stored_at: number;
  /** Reward content hash (rewards/scoring.ts contentHash): exact duplicates are an indexed lookup. */
  content_hash: string;
  /** 1 when the signal earned units: only earned signals are compared against. */
  earned: number;
}

export interface LedgerTable {
  id: Generated<number>;
  device_pub: string;
  bundle_id: string;
  kind: 'credit' | 'deletion';
  amount: number;
  signal_count: number;
  request_hash: string | null;
  created_at: number;
}

export interface DeletionRequestsTable {
  request_hash: string;
  device_pub: string;
  nonce: string;
  ts: number;
  scope_kind: string;
  received_at: number;
  receipt_json: string | null;
}

export interface SignalScoresTable {
  bundle_id: string;
  signal_id: string;
  device_pub: string;
  units: number;
  reason: string;
  /** UTC day of receipt, for the daily cap. */
  day: string;
  scored_at: number;
  deleted_at: number | null;
}

export interface VouchersTable {
  id: Generated<number>;
  wallet: string;
  chain_id: number;
  contract: string;
  /** Decimal uint256, token base units. */
  cumulative_amount: string;
  deadline: number;
  issued_at: number;
}

export interface TransparencyRootsTable {
  epoch: number;
  size: number;
  root: string;
  ts: number;
  collector_key_id: string;
  sig: string;
}

export interface TransparencyLeavesTable {
  epoch: number;
  leaf_index: number;
  bundle_id: string;
  cid: string;
}

export interface IssuerKeysTable {
  epoch: number;
  /** SPKI, base64. */
  public_key: string;
  /** The private JWK, sealed (see tokens/issuer-keys.ts). */
  sealed_secret: string;
  starts_at: number;
  ends_at: number;
  leaf_index: number;
}

export interface IssuerLogRootsTable {
  size: number;
  root: string;
  ts: number;
  collector_key_id: string;
  sig: string;
}

export interface TokenIssuanceTable {
  request_hash: string;
  device_pub: string;
  epoch: number;
  units: number;
  tokens: number;
}

export interface SpentTokensTable {
  nullifier: string;
  epoch: number;
  denomination: number;
}

export interface ReleasesTable {
  seq: number;
  manifest_cid: string;
  parent_cid: string | null;
  /** The transparency-log epoch the release was cut from. */
  log_epoch: number;
  records: number;
  /** Records of the parent release that this one no longer holds (deleted since). */
  records_left: number;
  created_at: number;
  superseded_by: string | null;
}

export interface ComputeShardsTable {
  /** `<corpus shard key>@<model version>`: the same texts are a new shard for a new model. */
  shard_id: string;
  source: string;
  texts_json: string;
  model_id: string;
  model_version: string;
  dims: number;
  status: 'open' | 'accepted';
  /** Returned answers needed before the shard is decided; grows by one with every disagreement. */
  required: number;
  /** The collector's own (native) answer, kept once computed for a known-answer job. */
  reference_f32: Uint8Array | null;
  accepted_at: number | null;
  created_at: number;
}

export interface ComputeJobsTable {
  job_id: string;
  shard_id: string;
  device_pub: string;
  /** 1: the collector holds the answer and checks the device against it. */
  known_answer: number;
  issued_at: number;
  expires_at: number;
  returned_at: number | null;
  vectors_f32: Uint8Array | null;
  /** NULL until returned. */
  verdict: 'pending' | 'accepted' | 'rejected' | null;
}

export interface ComputeDevicesTable {
  device_pub: string;
  /** Answers that disagreed with an accepted quorum. */
  outvoted: number;
  /** Set when the device failed a known-answer check or was outvoted too often: it gets no more jobs. */
  refused_at: number | null;
}

/** The commons' public index: accepted vectors of public texts. */
export interface IndexEntriesTable {
  shard_id: string;
  position: number;
  source: string;
  text: string;
  model_id: string;
  model_version: string;
  vector_f32: Uint8Array;
}

export interface Tables {
  bundles: BundlesTable;
  signals: SignalsTable;
  ledger: LedgerTable;
  deletion_requests: DeletionRequestsTable;
  signal_scores: SignalScoresTable;
  vouchers: VouchersTable;
  transparency_roots: TransparencyRootsTable;
  transparency_leaves: TransparencyLeavesTable;
  issuer_keys: IssuerKeysTable;
  issuer_log_roots: IssuerLogRootsTable;
  token_issuance: TokenIssuanceTable;
  spent_tokens: SpentTokensTable;
  releases: ReleasesTable;
  compute_shards: ComputeShardsTable;
  compute_jobs: ComputeJobsTable;
  compute_devices: ComputeDevicesTable;
  index_entries: IndexEntriesTable;
}
