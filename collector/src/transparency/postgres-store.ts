import type { PgDb } from '../store/pg-db';
import { LIVE_CIDS, INSERT_ROOT, LATEST_LEAF_OF, LATEST_ROOT, LEAVES_OF, LIVE_LEAVES, marks, ROOT_OF, toSignedRoot, type RootRow } from './sql';
import type { LogLeaf, TransparencyStore } from './types';

/** `?` → `$n`. */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** Any fixed key: one publisher at a time across collector processes. */
const PUBLISH_LOCK = 0x7472_6970;

export function postgresTransparency(db: PgDb, ready: Promise<void>): TransparencyStore {
  return {
    async publishEpoch(sign) {
      await ready;
      return db.tx(async (q) => {
        await q.run('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
        const epoch = ((await q.one<RootRow>(LATEST_ROOT))?.epoch ?? 0) + 1;
        const leaves = await q.rows<LogLeaf>(LIVE_LEAVES);
        const root = sign(epoch, leaves);
        await q.run(numbered(INSERT_ROOT), [root.epoch, root.size, root.root, root.ts, root.collectorKeyId, root.sig]);
        // One statement for all leaves: UNNEST over parallel arrays.
        await q.run(
          'INSERT INTO transparency_leaves (epoch, leaf_index, bundle_id, cid) SELECT $1::bigint, i - 1, b, c FROM UNNEST($2::text[], $3::text[]) WITH ORDINALITY AS t(b, c, i)',
          [epoch, leaves.map((l) => l.bundleId), leaves.map((l) => l.cid)],
        );
        return root;
      });
    },
    async latestRoot() {
      await ready;
      const row = await db.one<RootRow>(LATEST_ROOT);
      return row ? toSignedRoot(row) : null;
    },
    async epochTreeFor(bundleId) {
      await ready;
      // REPEATABLE READ: the root and its leaves come from one snapshot.
      return db.tx(async (q) => {
        await q.run('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        const at = await q.one<{ epoch: number; leaf_index: number }>(numbered(LATEST_LEAF_OF), [bundleId]);
        if (!at) return null;
        const root = await q.one<RootRow>(numbered(ROOT_OF), [at.epoch]);
        const cids = await q.rows<{ cid: string }>(numbered(LEAVES_OF), [at.epoch]);
        return { root: toSignedRoot(root!), leafIndex: at.leaf_index, cids: cids.map((r) => r.cid) };
      });
    },
    async liveCids() {
      await ready;
      return (await db.rows<{ cid: string }>(LIVE_CIDS)).map((r) => r.cid);
    },
    async cidsOf(bundleIds) {
      await ready;
      if (bundleIds.length === 0) return [];
      const rows = await db.rows<{ cid: string }>(numbered(`SELECT cid FROM bundles WHERE cid IS NOT NULL AND bundle_id IN (${marks(bundleIds.length)})`), bundleIds);
      return rows.map((r) => r.cid);
    },
  };
}
