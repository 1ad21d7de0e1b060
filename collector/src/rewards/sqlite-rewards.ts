// SQLite side of rewards: scoring context and audit rows (used inside the bundle and deletion
// transactions of store/sqlite.ts), wallet links, link nonces and issued vouchers.
import Database from 'better-sqlite3';
import { LEDGER_SQL, ledgerEntries, REASON_COUNTS_SQL, type LedgerRow, type ReasonCountRow } from './ledger-entries';
import type { IssuedVoucher, LedgerEntry, NewLinkNonce, NewWalletLink, RewardsStore, WalletLinkResult } from '../store/types';
import type { ScoringContext, SignalScore } from './scoring';
import { distinct, EARNED_COLUMNS, earnedSignals, hashOf, NEAR_DUPLICATE_WINDOW, type BundleSignalKey, type EarnedRow, type UnhashedRow } from './scoring-context';

export interface ScoringQueries {
  /**
   * What the bundle is scored against: the device's earned signals that share a content hash
   * with the bundle's (whole history, by index) plus its NEAR_DUPLICATE_WINDOW most recent earned
   * signals of each of the bundle's embedding models. Bounded, whatever the device's history.
   */
  context(devicePub: string, bundle: readonly BundleSignalKey[], day: string): ScoringContext;
  record(bundleId: string, devicePub: string, scores: readonly SignalScore[], day: string, at: number): void;
  /** Marks the signals deleted and returns the units they had earned (1 each for signals stored before scoring existed). */
  debit(bundleId: string, signalIds: readonly string[], at: number): number;
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(',');

export function sqliteScoring(db: Database.Database): ScoringQueries {
  const q = {
    unhashed: db.prepare<[string], UnhashedRow>('SELECT id, origin, text FROM signals WHERE device_pub = ? AND content_hash IS NULL'),
    setHash: db.prepare('UPDATE signals SET content_hash = ? WHERE id = ?'),
    recentEarned: db.prepare<[string, string, number], EarnedRow>(
      `SELECT ${EARNED_COLUMNS} FROM signals WHERE device_pub = ? AND model_embed = ? AND earned = 1 ORDER BY stored_at DESC LIMIT ?`,
    ),
    unitsToday: db.prepare<[string, string], { units: number | null }>(
      'SELECT SUM(units) AS units FROM signal_scores WHERE device_pub = ? AND day = ?',
    ),
    insert: db.prepare(
      `INSERT INTO signal_scores (bundle_id, signal_id, device_pub, units, reason, day, scored_at)
       VALUES (@bundleId, @signalId, @devicePub, @units, @reason, @day, @at)`,
    ),
    unitsOf: db.prepare<[string, string], { units: number }>('SELECT units FROM signal_scores WHERE bundle_id = ? AND signal_id = ?'),
    markDeleted: db.prepare('UPDATE signal_scores SET deleted_at = ? WHERE bundle_id = ? AND signal_id = ?'),
  };
  return {
    context(devicePub, bundle, day) {
      // Rows from before migration 4 are hashed once, here, inside the bundle's write transaction.
      for (const r of q.unhashed.all(devicePub)) q.setHash.run(hashOf(r), r.id);
      const ids = bundle.map((s) => s.id);
      const hashes = distinct(bundle.map((s) => s.contentHash));
      const deleted = ids.length
        ? db
            .prepare<string[], { signal_id: string }>(
              `SELECT signal_id FROM signal_scores WHERE device_pub = ? AND deleted_at IS NOT NULL AND signal_id IN (${placeholders(ids.length)})`,
            )
            .all(devicePub, ...ids)
        : [];
      const exact = hashes.length
        ? db
            .prepare<string[], EarnedRow>(
              `SELECT ${EARNED_COLUMNS} FROM signals
               WHERE device_pub = ? AND earned = 1 AND content_hash IN (${placeholders(hashes.length)})`,
            )
            .all(devicePub, ...hashes)
        : [];
      const recent = distinct(bundle.map((s) => s.model)).flatMap((model) => q.recentEarned.all(devicePub, model, NEAR_DUPLICATE_WINDOW));
      return {
        earned: earnedSignals([...exact, ...recent]),
        deletedSignalIds: new Set(deleted.map((r) => r.signal_id)),
        unitsToday: q.unitsToday.get(devicePub, day)?.units ?? 0,
      };
    },
    record(bundleId, devicePub, scores, day, at) {
      for (const s of scores) q.insert.run({ bundleId, signalId: s.signalId, devicePub, units: s.units, reason: s.reason, day, at });
    },
    debit(bundleId, signalIds, at) {
      let units = 0;
      for (const id of signalIds) {
        units += q.unitsOf.get(bundleId, id)?.units ?? 1;
        q.markDeleted.run(at, bundleId, id);
      }
      return units;
    },
  };
}

export function sqliteRewards(db: Database.Database): RewardsStore {
  const q = {
    purgeNonces: db.prepare('DELETE FROM wallet_link_nonces WHERE expires_at < ?'),
    insertNonce: db.prepare(
      'INSERT INTO wallet_link_nonces (nonce, device_pub, issued_at, expires_at) VALUES (@nonce, @devicePub, @issuedAt, @expiresAt)',
    ),
    useNonce: db.prepare(
      'UPDATE wallet_link_nonces SET used_at = ? WHERE nonce = ? AND device_pub = ? AND used_at IS NULL AND expires_at > ?',
    ),
    walletOf: db.prepare<[string], { wallet: string }>('SELECT wallet FROM wallet_links WHERE device_pub = ?'),
    devicesOf: db.prepare<[string], { device_pub: string }>('SELECT device_pub FROM wallet_links WHERE wallet = ? ORDER BY linked_at'),
    insertLink: db.prepare(
      `INSERT INTO wallet_links (device_pub, wallet, chain_id, nonce, message, wallet_sig, device_sig, linked_at)
       VALUES (@devicePub, @wallet, @chainId, @nonce, @message, @walletSig, @deviceSig, @linkedAt)`,
    ),
    insertVoucher: db.prepare(
      `INSERT INTO vouchers (wallet, chain_id, contract, cumulative_amount, deadline, issued_at)
       VALUES (@wallet, @chainId, @contract, @cumulativeAmount, @deadline, @issuedAt)`,
    ),
    vouchers: db.prepare<[string, number, string], { cumulative_amount: string }>(
      'SELECT cumulative_amount FROM vouchers WHERE wallet = ? AND chain_id = ? AND contract = ?',
    ),
  };

  const linkTx = db.transaction((l: NewWalletLink): WalletLinkResult => {
    if (q.useNonce.run(l.linkedAt, l.nonce, l.devicePub, l.linkedAt).changes !== 1) return { status: 'nonce_invalid' };
    const existing = q.walletOf.get(l.devicePub);
    if (existing) return existing.wallet === l.wallet ? { status: 'linked' } : { status: 'already_linked', wallet: existing.wallet };
    q.insertLink.run(l);
    return { status: 'linked' };
  });

  return {
    async issueLinkNonce(n: NewLinkNonce) {
      db.transaction(() => {
        // Expired nonces are useless; dropping them keeps the table bounded.
        q.purgeNonces.run(n.issuedAt);
        q.insertNonce.run(n);
      }).immediate();
    },
    async linkWallet(l) {
      return linkTx.immediate(l);
    },
    async walletOf(devicePub) {
      return q.walletOf.get(devicePub)?.wallet ?? null;
    },
    async devicesOf(wallet) {
      return q.devicesOf.all(wallet).map((r) => r.device_pub);
    },
    async earnedUnits(devicePubs) {
      if (devicePubs.length === 0) return 0;
      const row = db
        .prepare<string[], { units: number | null }>(`SELECT SUM(amount) AS units FROM ledger WHERE device_pub IN (${placeholders(devicePubs.length)})`)
        .get(...devicePubs);
      return row?.units ?? 0;
    },
    async ledgerEntries(devicePubs): Promise<LedgerEntry[]> {
      if (devicePubs.length === 0) return [];
      const list = placeholders(devicePubs.length);
      const rows = db.prepare<string[], LedgerRow>(LEDGER_SQL(list)).all(...devicePubs);
      const reasonRows = db.prepare<string[], ReasonCountRow>(REASON_COUNTS_SQL(list)).all(...devicePubs);
      return ledgerEntries(rows, reasonRows);
    },
    async recordVoucher(v: IssuedVoucher) {
      q.insertVoucher.run({ ...v, cumulativeAmount: v.cumulativeAmount.toString() });
    },
    async maxIssuedVoucher(wallet, chainId, contract) {
      return q.vouchers.all(wallet, chainId, contract).reduce((max, r) => {
        const v = BigInt(r.cumulative_amount);
        return v > max ? v : max;
      }, 0n);
    },
  };
}
