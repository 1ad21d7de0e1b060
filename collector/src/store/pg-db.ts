// Thin layer over node-postgres: a pool whose BIGINT/NUMERIC results come
// back as numbers (our BIGINTs are millisecond timestamps and unit counts,
// far below 2^53), one-shot queries, and transactions with rollback on throw.
import pg from 'pg';

export type Params = readonly unknown[];

export interface Queryable {
  rows<T>(sql: string, params?: Params): Promise<T[]>;
  one<T>(sql: string, params?: Params): Promise<T | undefined>;
  /** Number of rows the statement touched. */
  run(sql: string, params?: Params): Promise<number>;
}

export interface PgDb extends Queryable {
  /** READ COMMITTED transaction; serialization points are taken explicitly (advisory locks, unique constraints). */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  end(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;

function getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async rows<T>(sql: string, params: Params = []) {
      return (await client.query(sql, params as unknown[])).rows as T[];
    },
    async one<T>(sql: string, params: Params = []) {
      return (await client.query(sql, params as unknown[])).rows[0] as T | undefined;
    },
    async run(sql: string, params: Params = []) {
      return (await client.query(sql, params as unknown[])).rowCount ?? 0;
    },
  };
}

export function openPgDb(connectionString: string, max = 10): PgDb {
  const pool = new pg.Pool({ connectionString, max, types: { getTypeParser } as pg.CustomTypesConfig });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    ...queryable(pool),
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    end: () => pool.end(),
  };
}

/** `$1, $2, …` starting after `offset` placeholders. */
export function placeholders(n: number, offset = 0): string {
  return Array.from({ length: n }, (_, i) => `$${offset + i + 1}`).join(',');
}
