import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../src/db/sqlite-statement-cache';

describe('SQLite statement cache', () => {
  it('hands the same statement back for the same SQL, and a fresh one while it is iterating', () => {
    const handle = new Database(':memory:');
    const db = withStatementCache(handle);
    handle.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)');
    const a = db.prepare('SELECT x FROM t ORDER BY x');
    expect(db.prepare('SELECT x FROM t ORDER BY x')).toBe(a);
    const outer = a.iterate([]);
    expect(outer.next().value).toEqual({ x: 1 });
    const inner = db.prepare('SELECT x FROM t ORDER BY x');
    expect(inner).not.toBe(a);
    expect(inner.all([])).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    expect([...outer]).toEqual([{ x: 2 }, { x: 3 }]);
    handle.close();
  });

  it('keeps at most its limit, dropping the least recently used', () => {
    const handle = new Database(':memory:');
    const db = withStatementCache(handle, 2);
    const one = db.prepare('SELECT 1');
    const two = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(one);
    db.prepare('SELECT 3');
    expect(db.prepare('SELECT 1')).toBe(one);
    expect(db.prepare('SELECT 2')).not.toBe(two);
    handle.close();
  });

  it('serves Kysely: reused statements see later writes and schema changes', async () => {
    const db = new Kysely<{ t: { x: number } }>({ dialect: new SqliteDialect({ database: withStatementCache(new Database(':memory:')) }) });
    await sql`CREATE TABLE t (x INTEGER)`.execute(db);
    const count = async () => (await db.selectFrom('t').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(await count()).toBe(0);
    await db.insertInto('t').values({ x: 1 }).execute();
    await db.insertInto('t').values({ x: 2 }).execute();
    expect(await count()).toBe(2);
    expect(await db.selectFrom('t').selectAll().orderBy('x').execute()).toEqual([{ x: 1 }, { x: 2 }]);
    await sql`ALTER TABLE t ADD COLUMN y INTEGER`.execute(db);
    expect(await db.selectFrom('t').selectAll().orderBy('x').execute()).toEqual([
      { x: 1, y: null },
      { x: 2, y: null },
    ]);
    await db.destroy();
  });
});
