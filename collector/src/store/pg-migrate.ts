// PostgreSQL runs the same numbered migrations as SQLite (store/migrations.ts,
// the one place they are written). Our SQLite DDL differs from PostgreSQL's only
// in column types, which are translated here: INTEGER holds millisecond
// timestamps, so it must become BIGINT; REAL is float4 in PostgreSQL.
// A migration that needs more than this must be written so both accept it.
import { MIGRATIONS } from './migrations';
import type { PgDb } from './pg-db';

export function postgresForm(sqliteSql: string): string {
  return sqliteSql
    .replace(/\bINTEGER\s+PRIMARY\s+KEY\s+AUTOINCREMENT\b/gi, 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY')
    .replace(/\bINTEGER\b/g, 'BIGINT')
    .replace(/\bREAL\b/g, 'DOUBLE PRECISION')
    .replace(/\bBLOB\b/g, 'BYTEA');
}

/** Any fixed key: serializes migrations when several collectors start on one database. */
const MIGRATION_LOCK = 0x7472_6962;

export async function migratePostgres(db: PgDb): Promise<void> {
  await db.tx(async (q) => {
    await q.run('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await q.run('CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)');
    const row = await q.one<{ version: number }>('SELECT version FROM schema_version');
    const current = row?.version ?? 0;
    if (!row) await q.run('INSERT INTO schema_version (version) VALUES (0)');
    // DDL is transactional in PostgreSQL: all pending migrations land together or not at all.
    for (const [i, sql] of MIGRATIONS.slice(current).entries()) {
      await q.run(postgresForm(sql));
      await q.run('UPDATE schema_version SET version = $1', [current + i + 1]);
    }
  });
}
