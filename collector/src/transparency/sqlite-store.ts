import type Database from 'better-sqlite3';
import type { SignedRoot } from '../../../utils/wire/merkle';
import { LIVE_CIDS, INSERT_LEAF, INSERT_ROOT, LATEST_LEAF_OF, LATEST_ROOT, LEAVES_OF, LIVE_LEAVES, marks, ROOT_OF, toSignedRoot, type RootRow } from './sql';
import type { LogLeaf, TransparencyStore } from './types';

export function sqliteTransparency(db: Database.Database): TransparencyStore {
  const q = {
    live: db.prepare<[], LogLeaf>(LIVE_LEAVES),
    latest: db.prepare<[], RootRow>(LATEST_ROOT),
    insertRoot: db.prepare(INSERT_ROOT),
    insertLeaf: db.prepare(INSERT_LEAF),
    latestLeafOf: db.prepare<[string], { epoch: number; leaf_index: number }>(LATEST_LEAF_OF),
    rootOf: db.prepare<[number], RootRow>(ROOT_OF),
    leavesOf: db.prepare<[number], { cid: string }>(LEAVES_OF),
    liveCids: db.prepare<[], { cid: string }>(LIVE_CIDS),
  };
  const publishTx = db.transaction((sign: (epoch: number, leaves: readonly LogLeaf[]) => SignedRoot): SignedRoot => {
    const epoch = (q.latest.get()?.epoch ?? 0) + 1;
    const leaves = q.live.all();
    const root = sign(epoch, leaves);
    q.insertRoot.run(root.epoch, root.size, root.root, root.ts, root.collectorKeyId, root.sig);
    leaves.forEach((l, i) => q.insertLeaf.run(epoch, i, l.bundleId, l.cid));
    return root;
  });
  const treeTx = db.transaction((bundleId: string) => {
    const at = q.latestLeafOf.get(bundleId);
    if (!at) return null;
    return { root: toSignedRoot(q.rootOf.get(at.epoch)!), leafIndex: at.leaf_index, cids: q.leavesOf.all(at.epoch).map((r) => r.cid) };
  });
  return {
    async publishEpoch(sign) {
      return publishTx.immediate(sign);
    },
    async latestRoot() {
      const row = q.latest.get();
      return row ? toSignedRoot(row) : null;
    },
    async epochTreeFor(bundleId) {
      return treeTx(bundleId);
    },
    async liveCids() {
      return q.liveCids.all().map((r) => r.cid);
    },
    async cidsOf(bundleIds) {
      if (bundleIds.length === 0) return [];
      return db
        .prepare<string[], { cid: string }>(`SELECT cid FROM bundles WHERE cid IS NOT NULL AND bundle_id IN (${marks(bundleIds.length)})`)
        .all(...bundleIds)
        .map((r) => r.cid);
    },
  };
}
