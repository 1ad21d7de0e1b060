// Migration 0003 (wire v2): signals stored with float64 embeddings get the vector codec's bytes.
// The float64 layout is rebuilt on a migrated store and the migration run again, which is also what
// happens after a crash half-way through it: neither 0003 nor any migration after it is recorded
// then, so every later migration runs again too (they must be idempotent). Runs on SQLite and on PostgreSQL (collector-pg).
import { randomUUID } from 'node:crypto';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesToHex, encodeVector } from '../../utils/wire/index';
import { schemaMigrations } from '../src/db/migrations';
import { POSTGRES_COLUMN_TYPES } from '../src/db/postgres';
import { SQLITE_COLUMN_TYPES } from '../src/db/sqlite';
import type { Store } from '../src/db/store';
import { openTestStore, testBackend } from './harness';

let store: Store;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ store, close: cleanup } = await openTestStore());
});

afterEach(() => cleanup());

function float64Bytes(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  values.forEach((x, i) => new DataView(bytes.buffer).setFloat64(i * 8, x, true));
  return bytes;
}

const signalColumns = async (): Promise<string[]> =>
  (await store.db.introspection.getTables()).find((t) => t.name === 'signals')!.columns.map((c) => c.name);

describe('migration 0003: binary embeddings', () => {
  it('re-encodes float64 embeddings stored before it, then drops their column', async () => {
    // The layout before the migration is not the Tables type of today.
    const db = store.db as unknown as Kysely<any>;
    const bytes = testBackend() === 'sqlite' ? 'blob' : 'bytea';
    // Encryption at rest (0006) has since moved the content into `sealed`: the columns 0003 knew come back for it.
    for (const column of ['title', 'text', 'entities_json']) await db.schema.alterTable('signals').addColumn(column, 'text').execute();
    await db.schema.alterTable('signals').addColumn('embedding_f64', bytes).execute();
    const bundleId = randomUUID();
    await db
      .insertInto('bundles')
      .values({ bundle_id: bundleId, device_pub: 'd', created_at: 1, collector_key_id: 'k', envelope_hash: 'h', signal_count: 3, received_at: 1, cid: 'c' })
      .execute();
    const vectors = [
      [0.6, -0.8, 0, 0.1, 0.2, 0.3, 0.4, 0.5],
      Array.from({ length: 384 }, (_, i) => Math.sin(i)),
      new Array(8).fill(0),
    ];
    const ids = vectors.map(() => randomUUID());
    for (const [i, v] of vectors.entries()) {
      await db
        .insertInto('signals')
        .values({
          id: ids[i],
          bundle_id: bundleId,
          device_pub: 'd',
          origin: 'https://example.com',
          title: '',
          text: 't',
          entities_json: '[]',
          embedding_f64: float64Bytes(v),
          dims: v.length,
          model_embed: 'm',
          model_ner: 'n',
          visited_at: 0,
          dwell_ms: 0,
          scroll_depth: 0,
          interactions: 0,
          stored_at: i,
          content_hash: `h${i}`,
          earned: 1,
        })
        .execute();
    }
    // 0003 runs again on this layout, alone: later migrations (encryption at rest refuses plaintext rows) are not its subject.
    await sql`DELETE FROM kysely_migration WHERE name >= '0003'`.execute(db);
    const types = testBackend() === 'sqlite' ? SQLITE_COLUMN_TYPES : POSTGRES_COLUMN_TYPES;
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => schemaMigrations(types) } }).migrateTo('0003_binary_embeddings');
    expect(error).toBeUndefined();

    expect(await signalColumns()).not.toContain('embedding_f64');
    const rows: { id: string; embedding: Uint8Array }[] = await db.selectFrom('signals').select(['id', 'embedding']).execute();
    const byId = new Map(rows.map((r) => [r.id, bytesToHex(new Uint8Array(r.embedding))]));
    vectors.forEach((v, i) => expect(byId.get(ids[i]!)).toBe(bytesToHex(encodeVector(v))));
  });

  it('leaves a migrated store as it is when run again', async () => {
    const before = await signalColumns();
    // 0003 and every migration after it (Kysely runs them in order; 0006 seals the embedding with the rest of the content).
    await sql`DELETE FROM kysely_migration WHERE name >= '0003'`.execute(store.db);
    await store.migrate();
    expect((await signalColumns()).sort()).toEqual([...before].sort());
    expect(before).toContain('sealed');
  });
});
