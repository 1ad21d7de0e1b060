// The transparency log's rows: signed roots, each epoch's leaves in tree order, and the bundle CIDs
// they are built over.
import type { SignedRoot } from '../../../utils/wire/merkle';
import type { Queries, Store } from '../db/store';
import type { TransparencyRootsTable } from '../db/tables';

export interface LogLeaf {
  bundleId: string;
  cid: string;
}

/** An epoch's tree as needed for one bundle's inclusion proof. */
export interface EpochTree {
  root: SignedRoot;
  leafIndex: number;
  /** Every leaf CID of the epoch, in tree order. */
  cids: string[];
}

function toSignedRoot(r: TransparencyRootsTable): SignedRoot {
  return { v: 1, epoch: r.epoch, size: r.size, root: r.root, ts: r.ts, collectorKeyId: r.collector_key_id, sig: r.sig };
}

const ROOT_COLUMNS = ['epoch', 'size', 'root', 'ts', 'collector_key_id', 'sig'] as const;

// Bounded statements: a parameter list per statement stays under every dialect's limit.
const LEAVES_PER_INSERT = 1000;

/**
 * A release manifest's leaf is labelled `release/<seq>` in `transparency_leaves.bundle_id`, which no
 * bundle id (a uuid) can be.
 */
export const releaseLeafLabel = (seq: number): string => `release/${seq}`;

/** Any fixed key: one publisher at a time across collector processes. */
const PUBLISH_KEY = 'transparency-log:publish';

/**
 * In one unit: the next epoch number, the live (non-deleted) bundle CIDs in log order, `sign` over
 * them, and the signed root with its leaves recorded. Concurrent publishers take turns.
 */
export function publishEpoch(store: Store, sign: (epoch: number, leaves: readonly LogLeaf[]) => SignedRoot): Promise<SignedRoot> {
  return store.unit(
    async (tx) => {
      const epoch = ((await latestRoot(tx))?.epoch ?? 0) + 1;
      const bundles = await tx
        .selectFrom('bundles')
        .select(['bundle_id as bundleId', 'cid'])
        .where('deleted_at', 'is', null)
        .orderBy('received_at')
        .orderBy('bundle_id')
        .execute();
      // Every release manifest ever cut stays in the log (superseded ones too: a release is history, never edited).
      const releases = await tx.selectFrom('releases').select(['seq', 'manifest_cid']).orderBy('seq').execute();
      const leaves = [...bundles, ...releases.map((r) => ({ bundleId: releaseLeafLabel(r.seq), cid: r.manifest_cid }))];
      const root = sign(epoch, leaves);
      await tx
        .insertInto('transparency_roots')
        .values({ epoch: root.epoch, size: root.size, root: root.root, ts: root.ts, collector_key_id: root.collectorKeyId, sig: root.sig })
        .execute();
      for (let i = 0; i < leaves.length; i += LEAVES_PER_INSERT) {
        await tx
          .insertInto('transparency_leaves')
          .values(leaves.slice(i, i + LEAVES_PER_INSERT).map((l, j) => ({ epoch, leaf_index: i + j, bundle_id: l.bundleId, cid: l.cid })))
          .execute();
      }
      return root;
    },
    { serializeOn: PUBLISH_KEY },
  );
}

export async function latestRoot(db: Queries): Promise<SignedRoot | null> {
  const row = await db.selectFrom('transparency_roots').select(ROOT_COLUMNS).orderBy('epoch', 'desc').limit(1).executeTakeFirst();
  return row ? toSignedRoot(row) : null;
}

/**
 * The latest epoch holding this bundle, or null if none does or the bundle was deleted since.
 * No snapshot is needed: an epoch's root and leaves commit together and never change.
 */
export async function epochTreeFor(db: Queries, bundleId: string): Promise<EpochTree | null> {
  const at = await db
    .selectFrom('transparency_leaves as l')
    .innerJoin('bundles as b', 'b.bundle_id', 'l.bundle_id')
    .select(['l.epoch', 'l.leaf_index'])
    .where('l.bundle_id', '=', bundleId)
    .where('b.deleted_at', 'is', null)
    .orderBy('l.epoch', 'desc')
    .limit(1)
    .executeTakeFirst();
  return at ? treeAt(db, at.epoch, at.leaf_index) : null;
}

/** The latest epoch holding release `seq`'s manifest, or null before one was published after its cut. */
export async function releaseEpochTree(db: Queries, seq: number): Promise<EpochTree | null> {
  const at = await db
    .selectFrom('transparency_leaves')
    .select(['epoch', 'leaf_index'])
    .where('bundle_id', '=', releaseLeafLabel(seq))
    .orderBy('epoch', 'desc')
    .limit(1)
    .executeTakeFirst();
  return at ? treeAt(db, at.epoch, at.leaf_index) : null;
}

async function treeAt(db: Queries, epoch: number, leafIndex: number): Promise<EpochTree> {
  const root = await db.selectFrom('transparency_roots').select(ROOT_COLUMNS).where('epoch', '=', epoch).executeTakeFirstOrThrow();
  const cids = await db.selectFrom('transparency_leaves').select('cid').where('epoch', '=', epoch).orderBy('leaf_index').execute();
  return { root: toSignedRoot(root), leafIndex, cids: cids.map((r) => r.cid) };
}
