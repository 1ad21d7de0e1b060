// The releases' rows: one per release cut, in order, and which later release superseded it.
import type { Queries } from '../db/store';
import type { ReleasesTable } from '../db/tables';

export interface ReleaseRow {
  seq: number;
  manifestCid: string;
  parentCid: string | null;
  logEpoch: number;
  records: number;
  recordsLeft: number;
  createdAt: number;
  supersededBy: string | null;
}

const toRow = (r: ReleasesTable): ReleaseRow => ({
  seq: r.seq,
  manifestCid: r.manifest_cid,
  parentCid: r.parent_cid,
  logEpoch: r.log_epoch,
  records: r.records,
  recordsLeft: r.records_left,
  createdAt: r.created_at,
  supersededBy: r.superseded_by,
});

export async function latestRelease(db: Queries): Promise<ReleaseRow | null> {
  const row = await db.selectFrom('releases').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? toRow(row) : null;
}

export async function listReleases(db: Queries): Promise<ReleaseRow[]> {
  return (await db.selectFrom('releases').selectAll().orderBy('seq', 'desc').execute()).map(toRow);
}

export async function releaseByCid(db: Queries, cid: string): Promise<ReleaseRow | null> {
  const row = await db.selectFrom('releases').selectAll().where('manifest_cid', '=', cid).executeTakeFirst();
  return row ? toRow(row) : null;
}

/** Records the new release and marks its parent superseded by it. */
export async function recordRelease(tx: Queries, row: Omit<ReleaseRow, 'supersededBy'>): Promise<void> {
  await tx
    .insertInto('releases')
    .values({
      seq: row.seq,
      manifest_cid: row.manifestCid,
      parent_cid: row.parentCid,
      log_epoch: row.logEpoch,
      records: row.records,
      records_left: row.recordsLeft,
      created_at: row.createdAt,
      superseded_by: null,
    })
    .execute();
  if (row.parentCid) await tx.updateTable('releases').set({ superseded_by: row.manifestCid }).where('manifest_cid', '=', row.parentCid).execute();
}
