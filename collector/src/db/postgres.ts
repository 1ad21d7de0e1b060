// PostgreSQL (DATABASE_URL) under Kysely, for several collector processes sharing one database.
// Units run at READ COMMITTED; what they must not race on is serialized explicitly: a unit that
// names a key takes a transaction-scoped advisory lock on it first (e.g. one device's scoring
// context, ledger and deletions), and unique constraints with ON CONFLICT DO NOTHING turn a lost
// race across keys into an answer instead of an error.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, type ColumnTypes } from './migrations';

export const POSTGRES_COLUMN_TYPES: ColumnTypes = { bytes: 'bytea', serialKey: { type: 'bigint', build: (c) => c.generatedAlwaysAsIdentity().primaryKey() } };
import type { Store } from './store';
import type { Tables } from './tables';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * BIGINT/NUMERIC come back as numbers: ours are millisecond timestamps, unit counts and sums of
 * them, far below 2^53.
 */
export const numberTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
} as pg.CustomTypesConfig;

export function openPostgresStore(databaseUrl: string, maxConnections = 10): Store {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: maxConnections, types: numberTypes });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    unit: (work, options) =>
      db.transaction().execute(async (tx) => {
        if (options?.serializeOn !== undefined) await sql`SELECT pg_advisory_xact_lock(hashtextextended(${options.serializeOn}, 0))`.execute(tx);
        return work(tx);
      }),
    // Dead tuples stay until (auto)vacuum reclaims them; there is no journal to truncate from here.
    async dropDeletedPages() {},
    migrate: () => migrateToLatest(db, POSTGRES_COLUMN_TYPES),
    close: () => db.destroy(),
  };
}
