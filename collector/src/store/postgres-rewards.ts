// PostgreSQL side of rewards (same tables and rules as rewards/sqlite-rewards.ts): scoring
// context and audit rows inside the bundle and deletion transactions, wallet links, link
// nonces and issued vouchers.
import { LEDGER_SQL, ledgerEntries, REASON_COUNTS_SQL, type LedgerRow, type ReasonCountRow } from '../rewards/ledger-entries';
import type { ScoringQueries } from '../rewards/sqlite-rewards';
import { distinct, EARNED_COLUMNS, earnedSignals, hashOf, NEAR_DUPLICATE_WINDOW, type EarnedRow, type UnhashedRow } from '../rewards/scoring-context';
import { placeholders, type PgDb, type Queryable } from './pg-db';
import type { LedgerEntry, RewardsStore, WalletLinkResult } from './types';

/** ScoringQueries, async: each call runs on the caller's transaction. */
export type PgScoringQueries = {
  [K in keyof ScoringQueries]: (...args: Parameters<ScoringQueries[K]>) => Promise<ReturnType<ScoringQueries[K]>>;
};

export function pgScoring(q: Queryable): PgScoringQueries {
  return {
    async context(devicePub, bundle, day) {
      // Rows from before migration 4 are hashed once, here, inside the bundle's (device-locked) transaction.
      for (const r of await q.rows<UnhashedRow>('SELECT id, origin, text FROM signals WHERE device_pub = $1 AND content_hash IS NULL', [devicePub])) {
        await q.run('UPDATE signals SET content_hash = $1 WHERE id = $2', [hashOf(r), r.id]);
      }
      const ids = bundle.map((s) => s.id);
      const hashes = distinct(bundle.map((s) => s.contentHash));
      const deleted = ids.length
        ? await q.rows<{ signal_id: string }>(
            `SELECT signal_id FROM signal_scores WHERE device_pub = $1 AND deleted_at IS NOT NULL AND signal_id IN (${placeholders(ids.length, 1)})`,
            [devicePub, ...ids],
          )
        : [];
      const exact = hashes.length
        ? await q.rows<EarnedRow>(
            `SELECT ${EARNED_COLUMNS} FROM signals
             WHERE device_pub = $1 AND earned = 1 AND content_hash IN (${placeholders(hashes.length, 1)})`,
            [devicePub, ...hashes],
          )
        : [];
      const recent: EarnedRow[] = [];
      for (const model of distinct(bundle.map((s) => s.model))) {
        recent.push(
          ...(await q.rows<EarnedRow>(
            `SELECT ${EARNED_COLUMNS} FROM signals
             WHERE device_pub = $1 AND model_embed = $2 AND earned = 1 ORDER BY stored_at DESC LIMIT $3`,
            [devicePub, model, NEAR_DUPLICATE_WINDOW],
          )),
        );
      }
      const today = await q.one<{ units: number | null }>('SELECT SUM(units) AS units FROM signal_scores WHERE device_pub = $1 AND day = $2', [
        devicePub,
        day,
      ]);
      return {
        earned: earnedSignals([...exact, ...recent]),
        deletedSignalIds: new Set(deleted.map((r) => r.signal_id)),
        unitsToday: today?.units ?? 0,
      };
    },
    async record(bundleId, devicePub, scores, day, at) {
      for (const s of scores) {
        await q.run(
          `INSERT INTO signal_scores (bundle_id, signal_id, device_pub, units, reason, day, scored_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [bundleId, s.signalId, devicePub, s.units, s.reason, day, at],
        );
      }
    },
    async debit(bundleId, signalIds, at) {
      let units = 0;
      for (const id of signalIds) {
        const row = await q.one<{ units: number }>(
          'UPDATE signal_scores SET deleted_at = $1 WHERE bundle_id = $2 AND signal_id = $3 RETURNING units',
          [at, bundleId, id],
        );
        units += row?.units ?? 1;
      }
      return units;
    },
  };
}

export function pgRewards(db: PgDb): RewardsStore {
  return {
    async issueLinkNonce(n) {
      await db.tx(async (q) => {
        // Expired nonces are useless; dropping them keeps the table bounded.
        await q.run('DELETE FROM wallet_link_nonces WHERE expires_at < $1', [n.issuedAt]);
        await q.run('INSERT INTO wallet_link_nonces (nonce, device_pub, issued_at, expires_at) VALUES ($1, $2, $3, $4)', [
          n.nonce,
          n.devicePub,
          n.issuedAt,
          n.expiresAt,
        ]);
      });
    },
    async linkWallet(l): Promise<WalletLinkResult> {
      return db.tx(async (q) => {
        const used = await q.run(
          'UPDATE wallet_link_nonces SET used_at = $1 WHERE nonce = $2 AND device_pub = $3 AND used_at IS NULL AND expires_at > $1',
          [l.linkedAt, l.nonce, l.devicePub],
        );
        if (used !== 1) return { status: 'nonce_invalid' };
        // ON CONFLICT: a concurrent link for the same device wins or loses cleanly on the primary key.
        await q.run(
          `INSERT INTO wallet_links (device_pub, wallet, chain_id, nonce, message, wallet_sig, device_sig, linked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (device_pub) DO NOTHING`,
          [l.devicePub, l.wallet, l.chainId, l.nonce, l.message, l.walletSig, l.deviceSig, l.linkedAt],
        );
        const linked = await q.one<{ wallet: string }>('SELECT wallet FROM wallet_links WHERE device_pub = $1', [l.devicePub]);
        return linked!.wallet === l.wallet ? { status: 'linked' } : { status: 'already_linked', wallet: linked!.wallet };
      });
    },
    async walletOf(devicePub) {
      return (await db.one<{ wallet: string }>('SELECT wallet FROM wallet_links WHERE device_pub = $1', [devicePub]))?.wallet ?? null;
    },
    async devicesOf(wallet) {
      return (await db.rows<{ device_pub: string }>('SELECT device_pub FROM wallet_links WHERE wallet = $1 ORDER BY linked_at', [wallet])).map(
        (r) => r.device_pub,
      );
    },
    async earnedUnits(devicePubs) {
      if (devicePubs.length === 0) return 0;
      const row = await db.one<{ units: number | null }>(`SELECT SUM(amount) AS units FROM ledger WHERE device_pub IN (${placeholders(devicePubs.length)})`, devicePubs);
      return row?.units ?? 0;
    },
    async ledgerEntries(devicePubs): Promise<LedgerEntry[]> {
      if (devicePubs.length === 0) return [];
      const list = placeholders(devicePubs.length);
      const rows = await db.rows<LedgerRow>(LEDGER_SQL(list), devicePubs);
      const reasonRows = await db.rows<ReasonCountRow>(REASON_COUNTS_SQL(list), devicePubs);
      return ledgerEntries(rows, reasonRows);
    },
    async recordVoucher(v) {
      await db.run('INSERT INTO vouchers (wallet, chain_id, contract, cumulative_amount, deadline, issued_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        v.wallet,
        v.chainId,
        v.contract,
        v.cumulativeAmount.toString(),
        v.deadline,
        v.issuedAt,
      ]);
    },
    async maxIssuedVoucher(wallet, chainId, contract) {
      const rows = await db.rows<{ cumulative_amount: string }>('SELECT cumulative_amount FROM vouchers WHERE wallet = $1 AND chain_id = $2 AND contract = $3', [
        wallet,
        chainId,
        contract,
      ]);
      return rows.reduce((max, r) => (BigInt(r.cumulative_amount) > max ? BigInt(r.cumulative_amount) : max), 0n);
    },
  };
}
