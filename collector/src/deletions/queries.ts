// A device's deletion requests and what they remove: its matching signals, and the envelopes that
// carried them (the bundle row stays as a tombstone so a replay cannot re-credit it).
import type { DeletionScope } from '../../../utils/wire/index';
import type { Queries } from '../db/store';
import { dayRange, type MatchedSignal } from './plan';

export interface NewDeletion {
  requestHash: string;
  devicePub: string;
  nonce: string;
  ts: number;
  scope: DeletionScope;
  receivedAt: number;
}

/** Records the request; false when its hash or its (device, nonce) is already on record (a replay). */
export async function recordDeletionRequest(tx: Queries, d: NewDeletion): Promise<boolean> {
  const result = await tx
    .insertInto('deletion_requests')
    .values({ request_hash: d.requestHash, device_pub: d.devicePub, nonce: d.nonce, ts: d.ts, scope_kind: d.scope.kind, received_at: d.receivedAt })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows) === 1;
}

export async function saveDeletionReceipt(tx: Queries, requestHash: string, receipt: unknown): Promise<void> {
  await tx.updateTable('deletion_requests').set({ receipt_json: JSON.stringify(receipt) }).where('request_hash', '=', requestHash).execute();
}

/** The device's stored signals the scope covers. */
export function matchingSignals(tx: Queries, devicePub: string, scope: DeletionScope): Promise<MatchedSignal[]> {
  const q = tx.selectFrom('signals').select(['id', 'bundle_id']).where('device_pub', '=', devicePub);
  switch (scope.kind) {
    case 'all':
      return q.execute();
    case 'site':
      return q.where('origin', '=', scope.origin).execute();
    case 'day': {
      const [start, end] = dayRange(scope.day);
      return q.where('visited_at', '>=', start).where('visited_at', '<', end).execute();
    }
    case 'signals':
      return scope.signalIds.length ? q.where('id', 'in', scope.signalIds).execute() : Promise.resolve([]);
    case 'bundles':
      return scope.bundleIds.length ? q.where('bundle_id', 'in', scope.bundleIds).execute() : Promise.resolve([]);
  }
}

export async function liveBundleIds(tx: Queries, devicePub: string): Promise<string[]> {
  const rows = await tx.selectFrom('bundles').select('bundle_id').where('device_pub', '=', devicePub).where('deleted_at', 'is', null).execute();
  return rows.map((r) => r.bundle_id);
}

export async function deleteSignals(tx: Queries, devicePub: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.deleteFrom('signals').where('device_pub', '=', devicePub).where('id', 'in', ids).execute();
}

/** Marks the device's bundles among `bundleIds` deleted and drops their receipts; returns the ids it purged (their blobs and keys go next). */
export async function purgeBundles(tx: Queries, devicePub: string, bundleIds: readonly string[], at: number): Promise<string[]> {
  const purged: string[] = [];
  for (const id of bundleIds) {
    const result = await tx
      .updateTable('bundles')
      .set({ receipt_json: null, deleted_at: at })
      .where('bundle_id', '=', id)
      .where('device_pub', '=', devicePub)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) purged.push(id);
  }
  return purged;
}

/** The signals a deletion leaves in bundles it purges (a deletion of some of a bundle's signals). */
export async function remainingSignals(tx: Queries, devicePub: string, bundleIds: readonly string[]): Promise<{ id: string; bundle_id: string; sealed: Uint8Array }[]> {
  if (bundleIds.length === 0) return [];
  return tx.selectFrom('signals').select(['id', 'bundle_id', 'sealed']).where('device_pub', '=', devicePub).where('bundle_id', 'in', bundleIds).execute();
}

export async function replaceSealed(tx: Queries, signalId: string, sealed: Uint8Array): Promise<void> {
  await tx.updateTable('signals').set({ sealed }).where('id', '=', signalId).execute();
}
