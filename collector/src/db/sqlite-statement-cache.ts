// better-sqlite3 behind Kysely with its prepared statements kept: Kysely's SQLite driver prepares
// every query it runs, and an ingest runs about a dozen (SQLite's parse and plan, ~0.07 ms each,
// a millisecond a bundle). The same SQL text gets the same statement back while it is not in use.
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept (a list of n parameters is its own text): the least recently used goes first. */
const STATEMENT_CACHE_LIMIT = 512;

export function withStatementCache(handle: Database.Database, limit = STATEMENT_CACHE_LIMIT): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => handle.close(),
    prepare(sql) {
      const cached = statements.get(sql);
      statements.delete(sql);
      // A statement still iterating (a streamed query) cannot run a second time at once: that caller gets its own.
      const statement = cached && !cached.busy ? cached : handle.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > limit) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
