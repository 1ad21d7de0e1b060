// Numbered migrations, applied in order inside one transaction each and
// recorded in PRAGMA user_version. Append only; never edit a shipped one.
export const MIGRATIONS: readonly string[] = [
  /* 1 */ `
  CREATE TABLE bundles (
    bundle_id        TEXT PRIMARY KEY,
    device_pub       TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    collector_key_id TEXT NOT NULL,
    envelope_hash    TEXT NOT NULL,
    envelope_json    TEXT,            -- NULL once purged by a deletion
    signal_count     INTEGER NOT NULL,
    receipt_json     TEXT,            -- NULL once purged by a deletion
    received_at      INTEGER NOT NULL,
    deleted_at       INTEGER
  );
  CREATE INDEX bundles_device ON bundles(device_pub);

  CREATE TABLE signals (
    id            TEXT PRIMARY KEY,
    bundle_id     TEXT NOT NULL REFERENCES bundles(bundle_id),
    device_pub    TEXT NOT NULL,
    origin        TEXT NOT NULL,
    title         TEXT NOT NULL,
    text          TEXT NOT NULL,
    entities_json TEXT NOT NULL,
    embedding_json TEXT NOT NULL,
    dims          INTEGER NOT NULL,
    model_embed   TEXT NOT NULL,
    model_ner     TEXT NOT NULL,
    visited_at    INTEGER NOT NULL,
    dwell_ms      INTEGER NOT NULL,
    scroll_depth  REAL NOT NULL,
    interactions  INTEGER NOT NULL,
    lang          TEXT,
    stored_at     INTEGER NOT NULL
  );
  CREATE INDEX signals_device ON signals(device_pub);
  CREATE INDEX signals_bundle ON signals(bundle_id);

  -- Append-only: one 'credit' row per accepted bundle, one 'deletion' debit
  -- row per bundle touched by a deletion. Balance = SUM(amount).
  CREATE TABLE ledger (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    device_pub   TEXT NOT NULL,
    bundle_id    TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('credit', 'deletion')),
    amount       INTEGER NOT NULL,
    signal_count INTEGER NOT NULL,
    request_hash TEXT,
    created_at   INTEGER NOT NULL
  );
  CREATE INDEX ledger_device ON ledger(device_pub);
  CREATE UNIQUE INDEX ledger_one_credit_per_bundle ON ledger(bundle_id) WHERE kind = 'credit';

  CREATE TABLE deletion_requests (
    request_hash TEXT PRIMARY KEY,
    device_pub   TEXT NOT NULL,
    nonce        TEXT NOT NULL,
    ts           INTEGER NOT NULL,
    scope_kind   TEXT NOT NULL,
    received_at  INTEGER NOT NULL,
    receipt_json TEXT,
    UNIQUE (device_pub, nonce)
  );
  `,
  /* 2: rewards (issue 6) */ `
  -- Audit trail of scoring: one row per signal of every bundle stored since, with the units it
  -- earned and why (scored | invalid | duplicate | near_duplicate | daily_cap | deleted_item).
  -- deleted_at is set when the device deletes the signal; the row stays so a re-sent deleted
  -- signal earns nothing. No content is kept here.
  CREATE TABLE signal_scores (
    bundle_id   TEXT NOT NULL,
    signal_id   TEXT NOT NULL,
    device_pub  TEXT NOT NULL,
    units       INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    day         TEXT NOT NULL,      -- UTC day of receipt, for the daily cap
    scored_at   INTEGER NOT NULL,
    deleted_at  INTEGER,
    PRIMARY KEY (bundle_id, signal_id)
  );
  CREATE INDEX signal_scores_device_day ON signal_scores(device_pub, day);
  CREATE INDEX signal_scores_signal ON signal_scores(signal_id);

  CREATE TABLE wallet_link_nonces (
    nonce       TEXT PRIMARY KEY,
    device_pub  TEXT NOT NULL,
    issued_at   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER
  );

  -- A device links to one wallet, for good: moving it would let a second wallet claim the
  -- same earnings again. A wallet may have several devices.
  CREATE TABLE wallet_links (
    device_pub  TEXT PRIMARY KEY,
    wallet      TEXT NOT NULL,
    chain_id    INTEGER NOT NULL,
    nonce       TEXT NOT NULL,
    message     TEXT NOT NULL,
    wallet_sig  TEXT NOT NULL,
    device_sig  TEXT NOT NULL,
    linked_at   INTEGER NOT NULL
  );
  CREATE INDEX wallet_links_wallet ON wallet_links(wallet);

  -- Every voucher signed: a signed voucher cannot be revoked, so later vouchers never go below it.
  CREATE TABLE vouchers (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    wallet            TEXT NOT NULL,
    chain_id          INTEGER NOT NULL,
    contract          TEXT NOT NULL,
    cumulative_amount TEXT NOT NULL,  -- decimal uint256, token base units
    deadline          INTEGER NOT NULL,
    issued_at         INTEGER NOT NULL
  );
  CREATE INDEX vouchers_wallet ON vouchers(wallet, chain_id, contract);
  `,
  /* 3: content addresses and the transparency log (issue 9) */ `
  -- CIDv1 (raw, sha2-256) of the stored envelope; the blob lives in the blob store under it.
  -- Kept on the tombstone after a deletion (it is a hash of ciphertext that no longer exists).
  ALTER TABLE bundles ADD COLUMN cid TEXT;
  CREATE UNIQUE INDEX bundles_cid ON bundles(cid);

  -- One signed Merkle root per epoch, over the CIDs of the bundles live at that moment.
  CREATE TABLE transparency_roots (
    epoch            INTEGER PRIMARY KEY,
    size             INTEGER NOT NULL,
    root             TEXT NOT NULL,
    ts               INTEGER NOT NULL,
    collector_key_id TEXT NOT NULL,
    sig              TEXT NOT NULL
  );
  -- The leaves of each epoch in tree order, so proofs stay computable after later deletions.
  CREATE TABLE transparency_leaves (
    epoch      INTEGER NOT NULL REFERENCES transparency_roots(epoch),
    leaf_index INTEGER NOT NULL,
    bundle_id  TEXT NOT NULL,
    cid        TEXT NOT NULL,
    PRIMARY KEY (epoch, leaf_index)
  );
  CREATE INDEX transparency_leaves_bundle ON transparency_leaves(bundle_id, epoch);
  `,
  /* 4: bounded scoring context (issue 8) */ `
  -- Reward content hash (rewards/scoring.ts contentHash), written at insert so exact duplicates
  -- are an indexed lookup instead of re-hashing the device's whole history on every bundle.
  -- NULL on rows stored before this migration; the scoring context hashes and fills those on
  -- first read. It goes with the signal row when the signal is deleted.
  ALTER TABLE signals ADD COLUMN content_hash TEXT;
  -- 1 when the signal earned units (or was stored before scoring existed), 0 when it scored
  -- nothing: only earned signals are compared against, and this keeps them indexable.
  ALTER TABLE signals ADD COLUMN earned INTEGER;
  UPDATE signals SET earned = CASE WHEN EXISTS (
    SELECT 1 FROM signal_scores sc WHERE sc.bundle_id = signals.bundle_id AND sc.signal_id = signals.id AND sc.units = 0
  ) THEN 0 ELSE 1 END;
  CREATE INDEX signals_device_content ON signals(device_pub, content_hash);
  CREATE INDEX signals_earned_recent ON signals(device_pub, model_embed, stored_at) WHERE earned = 1;
  `,
  /* 5: embeddings the scorer reads without parsing JSON (issue 8) */ `
  -- The embedding as little-endian float64s: exactly the numbers of embedding_json, which stays
  -- the exported form. Parsing hundreds of JSON embeddings was most of a bundle's scoring time.
  -- NULL on rows stored before; the scorer falls back to embedding_json for those.
  ALTER TABLE signals ADD COLUMN embedding_f64 BLOB;
  `,
];
