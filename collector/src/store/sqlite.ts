import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DeletionScope } from '../../../utils/wire/index';
import { sqliteRewards, sqliteScoring } from '../rewards/sqlite-rewards';
import { totalUnits, utcDay } from '../rewards/scoring';
import { bundleSignalKeys, earnedFlags, embeddingBytes } from '../rewards/scoring-context';
import { sqliteDataset } from '../export/sqlite-dataset';
import { sqliteTransparency } from '../transparency/sqlite-store';
import { MIGRATIONS } from './migrations';
import { creditRow, deletionRow, planDeletion, dayRange, toRef, type BundleRow } from './shared-rows';
import type { Balance, DeletionOutcome, InsertBundleResult, NewBundle, NewDeletion, Store, StoredBundleRef } from './types';


function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Database.SqliteError && err.code.startsWith('SQLITE_CONSTRAINT');
}

class SignalConflict extends Error {}

export function openSqliteStore(path: string): Store {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // SQLite creates the database with the process umask (0644 under the usual 022) and gives the WAL and
  // shared-memory files the database's mode. The database holds decrypted page text: create it 0600 first
  // (and tighten files an earlier run left looser), whatever the directory's mode.
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL: a receipt is only sent after the commit is on disk, so an ack always means "stored".
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted rows are overwritten with zeros rather than left in free pages.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  const scoring = sqliteScoring(db);

  const q = {
    findBundle: db.prepare<[string], BundleRow>(
      'SELECT bundle_id, device_pub, envelope_hash, receipt_json, deleted_at FROM bundles WHERE bundle_id = ?',
    ),
    insertBundle: db.prepare(
      `INSERT INTO bundles (bundle_id, device_pub, created_at, collector_key_id, envelope_hash, envelope_json, signal_count, receipt_json, received_at, cid)
       VALUES (@bundleId, @devicePub, @createdAt, @collectorKeyId, @envelopeHash, @envelopeJson, @signalCount, @receiptJson, @receivedAt, @cid)`,
    ),
    insertSignal: db.prepare(
      `INSERT INTO signals (id, bundle_id, device_pub, origin, title, text, entities_json, embedding_json, dims, model_embed, model_ner,
                            visited_at, dwell_ms, scroll_depth, interactions, lang, stored_at, content_hash, earned, embedding_f64)
       VALUES (@id, @bundleId, @devicePub, @origin, @title, @text, @entitiesJson, @embeddingJson, @dims, @modelEmbed, @modelNer,
               @visitedAt, @dwellMs, @scrollDepth, @interactions, @lang, @storedAt, @contentHash, @earned, @embeddingF64)`,
    ),
    insertLedger: db.prepare(
      `INSERT INTO ledger (device_pub, bundle_id, kind, amount, signal_count, request_hash, created_at)
       VALUES (@devicePub, @bundleId, @kind, @amount, @signalCount, @requestHash, @createdAt)`,
    ),
    balance: db.prepare<[string], { balance: number | null }>('SELECT SUM(amount) AS balance FROM ledger WHERE device_pub = ?'),
    counts: db.prepare<[string], { bundles: number; signals: number }>(
      'SELECT COUNT(DISTINCT bundle_id) AS bundles, COUNT(*) AS signals FROM signals WHERE device_pub = ?',
    ),
    insertDeletion: db.prepare(
      `INSERT INTO deletion_requests (request_hash, device_pub, nonce, ts, scope_kind, received_at)
       VALUES (@requestHash, @devicePub, @nonce, @ts, @scopeKind, @receivedAt)`,
    ),
    saveDeletionReceipt: db.prepare('UPDATE deletion_requests SET receipt_json = ? WHERE request_hash = ?'),
    purgeBundle: db.prepare(
      'UPDATE bundles SET envelope_json = NULL, receipt_json = NULL, deleted_at = ? WHERE bundle_id = ? AND device_pub = ?',
    ),
    deviceBundles: db.prepare<[string], { bundle_id: string }>(
      'SELECT bundle_id FROM bundles WHERE device_pub = ? AND deleted_at IS NULL',
    ),
  };

  function matchingSignals(devicePub: string, scope: DeletionScope): { id: string; bundle_id: string }[] {
    const base = 'SELECT id, bundle_id FROM signals WHERE device_pub = ?';
    switch (scope.kind) {
      case 'all':
        return db.prepare<[string], { id: string; bundle_id: string }>(base).all(devicePub);
      case 'site':
        return db.prepare<[string, string], { id: string; bundle_id: string }>(`${base} AND origin = ?`).all(devicePub, scope.origin);
      case 'day': {
        return db
          .prepare<[string, number, number], { id: string; bundle_id: string }>(`${base} AND visited_at >= ? AND visited_at < ?`)
          .all(devicePub, ...dayRange(scope.day));
      }
      case 'signals': {
        const placeholders = scope.signalIds.map(() => '?').join(',');
        return db
          .prepare<string[], { id: string; bundle_id: string }>(`${base} AND id IN (${placeholders})`)
          .all(devicePub, ...scope.signalIds);
      }
      case 'bundles': {
        const placeholders = scope.bundleIds.map(() => '?').join(',');
        return db
          .prepare<string[], { id: string; bundle_id: string }>(`${base} AND bundle_id IN (${placeholders})`)
          .all(devicePub, ...scope.bundleIds);
      }
    }
  }

  const insertTx = db.transaction((b: NewBundle): InsertBundleResult => {
    const existing = q.findBundle.get(b.envelope.bundleId);
    if (existing) return { status: 'duplicate', existing: toRef(existing) };
    const e = b.envelope;
    const day = utcDay(b.receivedAt);
    const keys = bundleSignalKeys(b.signals);
    const scores = b.score(scoring.context(e.devicePub, keys, day));
    const earned = earnedFlags(scores);
    const credit = totalUnits(scores);
    const receipt = b.receiptFor(credit);
    q.insertBundle.run({
      bundleId: e.bundleId,
      devicePub: e.devicePub,
      createdAt: e.createdAt,
      collectorKeyId: e.collectorKeyId,
      envelopeHash: b.envelopeHash,
      envelopeJson: b.envelopeJson,
      signalCount: b.signals.length,
      receiptJson: JSON.stringify(receipt),
      receivedAt: b.receivedAt,
      cid: b.cid,
    });
    for (const [i, s] of b.signals.entries()) {
      try {
        q.insertSignal.run({
          id: s.id,
          bundleId: e.bundleId,
          devicePub: e.devicePub,
          origin: s.origin,
          title: s.title,
          text: s.text,
          entitiesJson: JSON.stringify(s.entities),
          embeddingJson: JSON.stringify(s.embedding),
          dims: s.embedding.length,
          modelEmbed: s.models.embed,
          modelNer: s.models.ner,
          visitedAt: s.visitedAt,
          dwellMs: s.dwellMs,
          scrollDepth: s.scrollDepth,
          interactions: s.interactions,
          lang: s.lang ?? null,
          storedAt: b.receivedAt,
          contentHash: keys[i]!.contentHash,
          earned: earned.get(s.id) ? 1 : 0,
          embeddingF64: embeddingBytes(s.embedding),
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new SignalConflict();
        throw err;
      }
    }
    q.insertLedger.run(creditRow(b, credit));
    scoring.record(e.bundleId, e.devicePub, scores, day, b.receivedAt);
    return { status: 'stored', receipt };
  });

  const deleteTx = db.transaction((d: NewDeletion, receiptFor: (o: DeletionOutcome) => unknown): { receipt: unknown } | null => {
    try {
      q.insertDeletion.run({
        requestHash: d.requestHash,
        devicePub: d.devicePub,
        nonce: d.nonce,
        ts: d.ts,
        scopeKind: d.scope.kind,
        receivedAt: d.receivedAt,
      });
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
    const matched = matchingSignals(d.devicePub, d.scope);
    const all = d.scope.kind === 'all' ? q.deviceBundles.all(d.devicePub).map((r) => r.bundle_id) : [];
    const { perBundle, purge } = planDeletion(matched, d.scope, all);

    const delSignal = db.prepare('DELETE FROM signals WHERE id = ? AND device_pub = ?');
    let debited = 0;
    for (const [bundleId, ids] of perBundle) {
      ids.forEach((id) => delSignal.run(id, d.devicePub));
      const units = scoring.debit(bundleId, ids, d.receivedAt);
      q.insertLedger.run(deletionRow(d, bundleId, ids.length, units));
      debited += units;
    }
    const purgedBundles = [...purge].filter((id) => q.purgeBundle.run(d.receivedAt, id, d.devicePub).changes > 0);
    const receipt = receiptFor({ signalIds: matched.map((m) => m.id), bundleIds: purgedBundles, debited });
    q.saveDeletionReceipt.run(JSON.stringify(receipt), d.requestHash);
    return { receipt };
  });

  return {
    ...sqliteRewards(db),
    ...sqliteTransparency(db),
    ...sqliteDataset(db),
    async findBundle(bundleId) {
      const row = q.findBundle.get(bundleId);
      return row ? toRef(row) : null;
    },
    insertBundle: groupCommit(db, (b) => {
      try {
        return insertTx(b);
      } catch (err) {
        if (err instanceof SignalConflict) return { status: 'signal_conflict' };
        throw err;
      }
    }),
    async balance(devicePub): Promise<Balance> {
      const { balance } = q.balance.get(devicePub)!;
      const { bundles, signals } = q.counts.get(devicePub)!;
      return { devicePub, balance: balance ?? 0, bundles, signals };
    },
    async deleteForDevice<R>(d: NewDeletion, receiptFor: (o: DeletionOutcome) => R) {
      const done = deleteTx.immediate(d, receiptFor);
      // Old page images in the WAL still hold the deleted content: fold the WAL
      // into the (zeroed) main file and truncate it.
      if (done) db.pragma('wal_checkpoint(TRUNCATE)');
      return done ? { status: 'deleted' as const, receipt: done.receipt as R } : { status: 'replay' as const };
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      db.close();
    },
  };
}

interface Pending {
  bundle: NewBundle;
  resolve: (r: InsertBundleResult) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: the bundles that reach the store in the same event-loop turn are inserted in
 * ONE immediate transaction, each in its own savepoint (insert is a better-sqlite3 transaction
 * function, so nested it becomes one), and all of them are answered after that single commit.
 * Under concurrent load this pays synchronous=FULL's fsync once per batch instead of once per
 * bundle; nothing is acknowledged before its commit is on disk, and a bundle that fails rolls
 * back only its own savepoint.
 */
function groupCommit(db: Database.Database, insert: (b: NewBundle) => InsertBundleResult): (b: NewBundle) => Promise<InsertBundleResult> {
  let pending: Pending[] = [];
  const batchTx = db.transaction((batch: Pending[]) =>
    batch.map((p): { ok: InsertBundleResult } | { err: unknown } => {
      try {
        return { ok: insert(p.bundle) };
      } catch (err) {
        return { err };
      }
    }),
  );
  function flush(): void {
    const batch = pending;
    pending = [];
    let outcomes: ReturnType<typeof batchTx>;
    try {
      outcomes = batchTx.immediate(batch);
    } catch (err) {
      batch.forEach((p) => p.reject(err));
      return;
    }
    outcomes.forEach((o, i) => ('ok' in o ? batch[i]!.resolve(o.ok) : batch[i]!.reject(o.err)));
  }
  return (bundle) =>
    new Promise((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ bundle, resolve, reject });
    });
}

