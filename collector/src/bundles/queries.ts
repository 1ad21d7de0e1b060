// Stored bundles and their signals: the rows an accepted bundle leaves, read back for replays.
import { base64ToBytes, ingestReceiptSchema, vectorDims, type BundleEnvelope, type IngestReceipt, type Signal } from '../../../utils/wire/index';
import type { Queries } from '../db/store';
import { sealSignal } from '../at-rest/content';

export interface StoredBundleRef {
  bundleId: string;
  devicePub: string;
  envelopeHash: string;
  /** null once the bundle's content was deleted; the row stays as a tombstone so a replay can't re-credit it. */
  receipt: IngestReceipt | null;
  deleted: boolean;
}

export async function findBundle(db: Queries, bundleId: string): Promise<StoredBundleRef | null> {
  const row = await db
    .selectFrom('bundles')
    .select(['bundle_id', 'device_pub', 'envelope_hash', 'receipt_json', 'deleted_at'])
    .where('bundle_id', '=', bundleId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    bundleId: row.bundle_id,
    devicePub: row.device_pub,
    envelopeHash: row.envelope_hash,
    receipt: row.receipt_json ? ingestReceiptSchema.parse(JSON.parse(row.receipt_json)) : null,
    deleted: row.deleted_at !== null,
  };
}

export interface NewBundle {
  envelope: Readonly<BundleEnvelope>;
  envelopeHash: string;
  /** Content address of the envelope, already in the blob store (sealed under `bundleKey`). */
  cid: string;
  /** The bundle's key at rest: its signals' content is sealed under it. */
  bundleKey: Uint8Array;
  signals: readonly Signal[];
  receipt: IngestReceipt;
  receivedAt: number;
}

/** Per signal, what the scorer needs again later: its content hash and whether it earned. */
export interface SignalRewardFacts {
  contentHash: string;
  earned: boolean;
}

/**
 * Inserts the bundle and its signals. 'duplicate': the bundle id is taken (by a concurrent unit
 * that committed first); 'signal_conflict': one of its signal ids is, and the caller must roll
 * back what was written (throw out of the unit).
 */
export async function insertBundle(
  tx: Queries,
  b: NewBundle,
  facts: readonly SignalRewardFacts[],
): Promise<'stored' | 'duplicate' | 'signal_conflict'> {
  const e = b.envelope;
  const bundle = await tx
    .insertInto('bundles')
    .values({
      bundle_id: e.bundleId,
      device_pub: e.devicePub,
      created_at: e.createdAt,
      collector_key_id: e.collectorKeyId,
      envelope_hash: b.envelopeHash,
      signal_count: b.signals.length,
      receipt_json: JSON.stringify(b.receipt),
      received_at: b.receivedAt,
      cid: b.cid,
    })
    .onConflict((oc) => oc.column('bundle_id').doNothing())
    .executeTakeFirst();
  if (Number(bundle.numInsertedOrUpdatedRows) === 0) return 'duplicate';
  if (b.signals.length === 0) return 'stored';
  const signals = await tx
    .insertInto('signals')
    .values(
      b.signals.map((s, i) => ({
        id: s.id,
        bundle_id: e.bundleId,
        device_pub: e.devicePub,
        origin: s.origin,
        sealed: sealSignal(b.bundleKey, s),
        dims: vectorDims(base64ToBytes(s.embedding)),
        model_embed: s.models.embed,
        model_ner: s.models.ner,
        visited_at: s.visitedAt,
        dwell_ms: s.dwellMs,
        scroll_depth: s.scrollDepth,
        interactions: s.interactions,
        lang: s.lang ?? null,
        stored_at: b.receivedAt,
        content_hash: facts[i]!.contentHash,
        earned: facts[i]!.earned ? 1 : 0,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(signals.numInsertedOrUpdatedRows) === b.signals.length ? 'stored' : 'signal_conflict';
}

/** How many bundles and signals the device has stored (deleted signals are gone from the table). */
export async function storedCounts(db: Queries, devicePub: string): Promise<{ bundles: number; signals: number }> {
  const row = await db
    .selectFrom('signals')
    .select((eb) => [eb.fn.count<number>('bundle_id').distinct().as('bundles'), eb.fn.countAll<number>().as('signals')])
    .where('device_pub', '=', devicePub)
    .executeTakeFirstOrThrow();
  return { bundles: Number(row.bundles), signals: Number(row.signals) };
}

/** CIDs of these bundles (deleted ones included: their blobs are what gets removed). */
export async function cidsOf(db: Queries, bundleIds: readonly string[]): Promise<string[]> {
  if (bundleIds.length === 0) return [];
  const rows = await db.selectFrom('bundles').select('cid').where('bundle_id', 'in', bundleIds).execute();
  return rows.map((r) => r.cid);
}

/** CIDs of every live (non-deleted) bundle: the blobs to keep (start-up removes every other, e.g. a crash's leftovers). */
export async function liveCids(db: Queries): Promise<string[]> {
  const rows = await db.selectFrom('bundles').select('cid').where('deleted_at', 'is', null).execute();
  return rows.map((r) => r.cid);
}
