// Store on PostgreSQL (DATABASE_URL), for several collector processes sharing
// one database. Same tables and semantics as store/sqlite.ts. Concurrency:
// every bundle insert and deletion first takes a transaction-scoped advisory
// lock on its device, so one device's scoring context, ledger and deletions are
// read and written by one transaction at a time (READ COMMITTED suffices);
// across devices, primary keys and the one-credit-per-bundle unique index make
// a double store or double credit impossible, and ON CONFLICT DO NOTHING turns
// a lost race into "duplicate" instead of an error.
import type { DeletionScope } from '../../../utils/wire/index';
import { postgresDataset } from '../export/postgres-dataset';
import { totalUnits, utcDay } from '../rewards/scoring';
import { bundleSignalKeys, earnedFlags, embeddingBytes } from '../rewards/scoring-context';
import { postgresTransparency } from '../transparency/postgres-store';
import { openPgDb, placeholders, type Queryable } from './pg-db';
import { migratePostgres } from './pg-migrate';
import { pgRewards, pgScoring } from './postgres-rewards';
import { creditRow, deletionRow, planDeletion, type NewLedgerRow, dayRange, toRef, type BundleRow } from './shared-rows';
import type { Balance, DeletionOutcome, DeletionResult, InsertBundleResult, NewBundle, NewDeletion, Store, StoredBundleRef } from './types';


/** Rolls the bundle's transaction back when one of its signal ids is already stored. */
class SignalConflict extends Error {}

const lockDevice = (q: Queryable, devicePub: string) => q.run('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [devicePub]);

const findBundleSql = 'SELECT bundle_id, device_pub, envelope_hash, receipt_json, deleted_at FROM bundles WHERE bundle_id = $1';

function matchingSignals(q: Queryable, devicePub: string, scope: DeletionScope): Promise<{ id: string; bundle_id: string }[]> {
  const base = 'SELECT id, bundle_id FROM signals WHERE device_pub = $1';
  switch (scope.kind) {
    case 'all':
      return q.rows(base, [devicePub]);
    case 'site':
      return q.rows(`${base} AND origin = $2`, [devicePub, scope.origin]);
    case 'day': {
      return q.rows(`${base} AND visited_at >= $2 AND visited_at < $3`, [devicePub, ...dayRange(scope.day)]);
    }
    case 'signals':
      return q.rows(`${base} AND id IN (${placeholders(scope.signalIds.length, 1)})`, [devicePub, ...scope.signalIds]);
    case 'bundles':
      return q.rows(`${base} AND bundle_id IN (${placeholders(scope.bundleIds.length, 1)})`, [devicePub, ...scope.bundleIds]);
  }
}

async function insertLedger(q: Queryable, e: NewLedgerRow): Promise<void> {
  await q.run(
    `INSERT INTO ledger (device_pub, bundle_id, kind, amount, signal_count, request_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.devicePub, e.bundleId, e.kind, e.amount, e.signalCount, e.requestHash, e.createdAt],
  );
}

async function insertTx(q: Queryable, b: NewBundle): Promise<InsertBundleResult> {
  const e = b.envelope;
  await lockDevice(q, e.devicePub);
  const existing = await q.one<BundleRow>(findBundleSql, [e.bundleId]);
  if (existing) return { status: 'duplicate', existing: toRef(existing) };
  const scoring = pgScoring(q);
  const day = utcDay(b.receivedAt);
  const keys = bundleSignalKeys(b.signals);
  const scores = b.score(await scoring.context(e.devicePub, keys, day));
  const earned = earnedFlags(scores);
  const credit = totalUnits(scores);
  const receipt = b.receiptFor(credit);
  const inserted = await q.run(
    `INSERT INTO bundles (bundle_id, device_pub, created_at, collector_key_id, envelope_hash, envelope_json, signal_count, receipt_json, received_at, cid)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (bundle_id) DO NOTHING`,
    [e.bundleId, e.devicePub, e.createdAt, e.collectorKeyId, b.envelopeHash, b.envelopeJson, b.signals.length, JSON.stringify(receipt), b.receivedAt, b.cid],
  );
  if (inserted === 0) {
    // Another transaction stored this bundle id first (committed by now: ON CONFLICT waited for it).
    const winner = await q.one<BundleRow>(findBundleSql, [e.bundleId]);
    return { status: 'duplicate', existing: toRef(winner!) };
  }
  for (const [i, s] of b.signals.entries()) {
    const n = await q.run(
      `INSERT INTO signals (id, bundle_id, device_pub, origin, title, text, entities_json, embedding_json, dims, model_embed, model_ner,
                            visited_at, dwell_ms, scroll_depth, interactions, lang, stored_at, content_hash, earned, embedding_f64)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) ON CONFLICT (id) DO NOTHING`,
      [
        s.id,
        e.bundleId,
        e.devicePub,
        s.origin,
        s.title,
        s.text,
        JSON.stringify(s.entities),
        JSON.stringify(s.embedding),
        s.embedding.length,
        s.models.embed,
        s.models.ner,
        s.visitedAt,
        s.dwellMs,
        s.scrollDepth,
        s.interactions,
        s.lang ?? null,
        b.receivedAt,
        keys[i]!.contentHash,
        earned.get(s.id) ? 1 : 0,
        embeddingBytes(s.embedding),
      ],
    );
    if (n === 0) throw new SignalConflict();
  }
  await insertLedger(q, creditRow(b, credit));
  await scoring.record(e.bundleId, e.devicePub, scores, day, b.receivedAt);
  return { status: 'stored', receipt };
}

async function deleteTx<R>(q: Queryable, d: NewDeletion, receiptFor: (o: DeletionOutcome) => R): Promise<DeletionResult<R>> {
  await lockDevice(q, d.devicePub);
  const fresh = await q.run(
    `INSERT INTO deletion_requests (request_hash, device_pub, nonce, ts, scope_kind, received_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING`,
    [d.requestHash, d.devicePub, d.nonce, d.ts, d.scope.kind, d.receivedAt],
  );
  if (fresh === 0) return { status: 'replay' };
  const matched = await matchingSignals(q, d.devicePub, d.scope);
  const all =
    d.scope.kind === 'all'
      ? (await q.rows<{ bundle_id: string }>('SELECT bundle_id FROM bundles WHERE device_pub = $1 AND deleted_at IS NULL', [d.devicePub])).map((r) => r.bundle_id)
      : [];
  const { perBundle, purge } = planDeletion(matched, d.scope, all);

  const scoring = pgScoring(q);
  let debited = 0;
  for (const [bundleId, ids] of perBundle) {
    await q.run(`DELETE FROM signals WHERE device_pub = $1 AND id IN (${placeholders(ids.length, 1)})`, [d.devicePub, ...ids]);
    const units = await scoring.debit(bundleId, ids, d.receivedAt);
    await insertLedger(q, deletionRow(d, bundleId, ids.length, units));
    debited += units;
  }
  const purgedBundles: string[] = [];
  for (const id of purge) {
    const n = await q.run('UPDATE bundles SET envelope_json = NULL, receipt_json = NULL, deleted_at = $1 WHERE bundle_id = $2 AND device_pub = $3', [
      d.receivedAt,
      id,
      d.devicePub,
    ]);
    if (n > 0) purgedBundles.push(id);
  }
  const receipt = receiptFor({ signalIds: matched.map((m) => m.id), bundleIds: purgedBundles, debited });
  await q.run('UPDATE deletion_requests SET receipt_json = $1 WHERE request_hash = $2', [JSON.stringify(receipt), d.requestHash]);
  return { status: 'deleted', receipt };
}

/**
 * Opens the pool and starts migrating at once; every method waits for the
 * migration, so the store can be handed out synchronously (buildServer is sync).
 */
export function openPostgresStore(databaseUrl: string): Store {
  const db = openPgDb(databaseUrl);
  const ready = migratePostgres(db);
  // Surfaced by the first call (and by /health); not an unhandled rejection meanwhile.
  ready.catch(() => undefined);
  const rewards = pgRewards(db);
  const afterReady =
    <A extends unknown[], T>(fn: (...args: A) => Promise<T>) =>
    async (...args: A): Promise<T> => {
      await ready;
      return fn(...args);
    };

  return {
    ...postgresTransparency(db, ready),
    ...postgresDataset(db, ready),
    issueLinkNonce: afterReady(rewards.issueLinkNonce),
    linkWallet: afterReady(rewards.linkWallet),
    walletOf: afterReady(rewards.walletOf),
    devicesOf: afterReady(rewards.devicesOf),
    earnedUnits: afterReady(rewards.earnedUnits),
    ledgerEntries: afterReady(rewards.ledgerEntries),
    recordVoucher: afterReady(rewards.recordVoucher),
    maxIssuedVoucher: afterReady(rewards.maxIssuedVoucher),
    findBundle: afterReady(async (bundleId: string) => {
      const row = await db.one<BundleRow>(findBundleSql, [bundleId]);
      return row ? toRef(row) : null;
    }),
    insertBundle: afterReady(async (b: NewBundle): Promise<InsertBundleResult> => {
      try {
        return await db.tx((q) => insertTx(q, b));
      } catch (err) {
        if (err instanceof SignalConflict) return { status: 'signal_conflict' };
        throw err;
      }
    }),
    balance: afterReady(async (devicePub: string): Promise<Balance> => {
      const bal = await db.one<{ balance: number | null }>('SELECT SUM(amount) AS balance FROM ledger WHERE device_pub = $1', [devicePub]);
      const counts = await db.one<{ bundles: number; signals: number }>(
        'SELECT COUNT(DISTINCT bundle_id) AS bundles, COUNT(*) AS signals FROM signals WHERE device_pub = $1',
        [devicePub],
      );
      return { devicePub, balance: bal?.balance ?? 0, bundles: counts?.bundles ?? 0, signals: counts?.signals ?? 0 };
    }),
    async deleteForDevice<R>(d: NewDeletion, receiptFor: (o: DeletionOutcome) => R) {
      await ready;
      return db.tx((q) => deleteTx(q, d, receiptFor));
    },
    ping: afterReady(async () => {
      await db.run('SELECT 1');
    }),
    async close() {
      await ready.catch(() => undefined);
      await db.end();
    },
  };
}

