// SQL shared by the SQLite and PostgreSQL transparency stores (`?` placeholders; PostgreSQL numbers them).
export const LIVE_LEAVES =
  'SELECT bundle_id AS "bundleId", cid FROM bundles WHERE deleted_at IS NULL AND cid IS NOT NULL ORDER BY received_at, bundle_id';
export const LATEST_ROOT = 'SELECT epoch, size, root, ts, collector_key_id, sig FROM transparency_roots ORDER BY epoch DESC LIMIT 1';
export const INSERT_ROOT = 'INSERT INTO transparency_roots (epoch, size, root, ts, collector_key_id, sig) VALUES (?, ?, ?, ?, ?, ?)';
export const INSERT_LEAF = 'INSERT INTO transparency_leaves (epoch, leaf_index, bundle_id, cid) VALUES (?, ?, ?, ?)';
export const LATEST_LEAF_OF = `SELECT l.epoch, l.leaf_index FROM transparency_leaves l JOIN bundles b ON b.bundle_id = l.bundle_id
  WHERE l.bundle_id = ? AND b.deleted_at IS NULL ORDER BY l.epoch DESC LIMIT 1`;
export const LIVE_CIDS = 'SELECT cid FROM bundles WHERE deleted_at IS NULL AND cid IS NOT NULL';
export const ROOT_OF = 'SELECT epoch, size, root, ts, collector_key_id, sig FROM transparency_roots WHERE epoch = ?';
export const LEAVES_OF = 'SELECT cid FROM transparency_leaves WHERE epoch = ? ORDER BY leaf_index';

export interface RootRow {
  epoch: number;
  size: number;
  root: string;
  ts: number;
  collector_key_id: string;
  sig: string;
}

export function toSignedRoot(r: RootRow) {
  return { v: 1 as const, epoch: r.epoch, size: r.size, root: r.root, ts: r.ts, collectorKeyId: r.collector_key_id, sig: r.sig };
}

/** `?, ?, ?` */
export const marks = (n: number): string => Array.from({ length: n }, () => '?').join(',');
