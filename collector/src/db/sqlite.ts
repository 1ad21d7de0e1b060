// SQLite (better-sqlite3, one file in the data dir) under Kysely, for a single collector process.
// Durability: WAL with synchronous=FULL, so a committed unit is on disk. Throughput: group commit
// (see groupCommit) pays that fsync once per batch of units instead of once per unit.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrateToLatest, type ColumnTypes } from './migrations';
import { withStatementCache } from './sqlite-statement-cache';
import type { Queries, Store } from './store';
import type { Tables } from './tables';

export const SQLITE_FILE_NAME = 'collector.sqlite';

export const SQLITE_COLUMN_TYPES: ColumnTypes = { bytes: 'blob', serialKey: { type: 'integer', build: (c) => c.primaryKey().autoIncrement() } };

export function openSqliteStore(path: string): Store {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // SQLite creates the database with the process umask (0644 under the usual 022) and gives the WAL and
  // shared-memory files the database's mode. The database holds decrypted page text: create it 0600 first
  // (and tighten files an earlier run left looser), whatever the directory's mode.
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
  const handle = new Database(path);
  handle.pragma('journal_mode = WAL');
  // FULL: a receipt is only sent after the commit is on disk, so an ack always means "stored".
  handle.pragma('synchronous = FULL');
  handle.pragma('foreign_keys = ON');
  // Deleted rows are overwritten with zeros rather than left in free pages.
  handle.pragma('secure_delete = ON');
  handle.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }) });
  return {
    db,
    // One process writes this file, and BEGIN IMMEDIATE makes every unit the only writer: units
    // are serialized whatever key they name.
    unit: groupCommit(db),
    async dropDeletedPages() {
      // Old page images in the WAL still hold the deleted content: fold the WAL into the
      // (zeroed) main file and truncate it.
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    },
    migrate: () => migrateToLatest(db, SQLITE_COLUMN_TYPES),
    close: () => db.destroy(),
  };
}

interface Pending {
  work: (tx: Queries) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

type Outcome = { ok: unknown } | { err: unknown };

/** Runs one unit inside the batch's transaction; a throw rolls back only what this unit wrote. */
async function inSavepoint(conn: Queries, work: Pending['work']): Promise<Outcome> {
  await sql`SAVEPOINT unit`.execute(conn);
  try {
    const ok = await work(conn);
    await sql`RELEASE unit`.execute(conn);
    return { ok };
  } catch (err) {
    await sql`ROLLBACK TO unit`.execute(conn);
    await sql`RELEASE unit`.execute(conn);
    return { err };
  }
}

/**
 * Group commit: the units that reach the store while the connection is busy or within one
 * event-loop turn run in ONE immediate transaction, each in its own savepoint, and all of them
 * are answered after that single commit. Under concurrent load this pays synchronous=FULL's fsync
 * once per batch instead of once per unit; nothing is answered before its commit is on disk.
 */
function groupCommit(db: Kysely<Tables>): Store['unit'] {
  let queue: Pending[] = [];
  let scheduled = false;
  const takeQueue = (): Pending[] => {
    const batch = queue;
    queue = [];
    scheduled = false;
    return batch;
  };

  async function flush(): Promise<void> {
    let batch: Pending[] | undefined;
    try {
      const outcomes = await db.connection().execute(async (conn) => {
        batch = takeQueue();
        await sql`BEGIN IMMEDIATE`.execute(conn);
        try {
          const done: Outcome[] = [];
          for (const p of batch) done.push(await inSavepoint(conn, p.work));
          await sql`COMMIT`.execute(conn);
          return done;
        } catch (err) {
          await sql`ROLLBACK`.execute(conn).catch(() => undefined);
          throw err;
        }
      });
      outcomes.forEach((o, i) => ('ok' in o ? batch![i]!.resolve(o.ok) : batch![i]!.reject(o.err)));
    } catch (err) {
      (batch ?? takeQueue()).forEach((p) => p.reject(err));
    }
  }

  return <T>(work: (tx: Queries) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => void flush());
    });
}
