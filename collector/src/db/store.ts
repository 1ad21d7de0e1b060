// The collector's database, whichever dialect serves it: typed queries (Kysely over Tables) and
// units of work. Each feature folder owns its queries and takes a `Queries` so that the same query
// runs on its own or inside a unit of work.
import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables';

/** Runs queries: the database itself, or the transaction of a unit of work. */
export type Queries = Kysely<Tables>;

export interface UnitOptions {
  /**
   * Units with the same key run one at a time, whichever process runs them (several collectors
   * may share one PostgreSQL database). Whatever a unit reads before it writes, under its key,
   * is still true when it commits.
   */
  serializeOn?: string;
}

export interface Store {
  /** Single reads and writes outside a unit of work. Inside one, use the unit's `tx` only. */
  readonly db: Queries;
  /**
   * Runs `work` as one transaction and resolves after its commit is durable, so an answer sent
   * after it is never taken back by a crash. A throw rolls back this unit's writes only.
   */
  unit<T>(work: (tx: Queries) => Promise<T>, options?: UnitOptions): Promise<T>;
  /** After a deletion committed: leaves no copy of the deleted rows in the database's journal. */
  dropDeletedPages(): Promise<void>;
  /** Creates or updates the schema; idempotent, safe to run from several processes at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Throws unless the database answers a trivial query (used by /health). */
export async function ping(db: Queries): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
