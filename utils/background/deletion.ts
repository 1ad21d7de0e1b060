import type { CollectorClient } from '../collector-client/client';
import { loadDeviceKey } from '../identity/device-key';
import { unsealPendingBundle } from '../outbox/outbox';
import type { DeleteScope } from '../protocol/ui';
import type { StoredItem } from '../items/item';
import { allItems, removeItems } from '../items/item-store';
import type { Db } from '../store/db';
import { deletionRequestHash, signDeletionRequest, verifyReceipt, type DeletionScope } from '../wire';
import { readCollectorStatus } from './collector-status';

const MAX_SIGNALS_PER_REQUEST = 1000;

function chunks<T>(all: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
  return out;
}

export function localDay(ts: number): string {
  const d = new Date(ts);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function inScope(item: StoredItem, scope: DeleteScope): boolean {
  switch (scope.kind) {
    case 'items':
      return scope.ids.includes(item.id);
    case 'site':
      return item.origin === scope.origin;
    case 'day':
      return localDay(item.visitedAt) === scope.day;
    case 'all':
      return true;
  }
}

/**
 * Deletes on the device and, for anything that already left, at the collector. The remote
 * deletion is asked for first and must come back with a receipt that verifies: if the collector
 * cannot be reached, nothing local is deleted, so the user never loses track of data that is
 * still out there.
 */
export async function deleteData(scope: DeleteScope, deps: { db: Db; client: CollectorClient; now: number }): Promise<void> {
  const { db: database } = deps;
  const items = (await allItems(database)).filter((i) => inScope(i, scope));
  // A bundle already submitted may be stored at the collector with its acknowledgement lost (a
  // collector crash, a dropped connection): its queued items count as sent, so the collector is asked too.
  const tried = new Set((await database.getAll('bundles')).filter((b) => b.status === 'pending' && b.attempts > 0).map((b) => b.bundleId));
  const sent = items
    .filter((i) => i.status === 'sent' || (i.status === 'queued' && tried.has(i.bundleId)))
    .map((i) => i.id);
  // Everything and whole sites map directly; items and local days name the signals, so the
  // collector deletes exactly what the user sees here (its days are UTC, the dashboard's local).
  // Nothing sent, nothing to ask: deleting works offline then.
  const remotes: DeletionScope[] =
    sent.length === 0 ? []
    : scope.kind === 'all' ? [{ kind: 'all' }]
    : scope.kind === 'site' ? [{ kind: 'site', origin: scope.origin }]
    : chunks(sent, MAX_SIGNALS_PER_REQUEST).map((signalIds) => ({ kind: 'signals', signalIds }));
  const deviceKey = await loadDeviceKey(database);
  // Without a key nothing can have been sent, unless storage was damaged: then refuse.
  if (sent.length > 0 && !deviceKey) throw new Error('no device key to sign the deletion request; nothing was deleted');
  for (const remote of remotes) {
    if (!deviceKey) break;
    const request = await deviceKey.withSecret((secret) => signDeletionRequest({ scope: remote, ts: deps.now }, secret));
    const receipt = await deps.client.requestDeletion(request);
    const receiptPub = (await readCollectorStatus()).collectorKeys?.receipt.publicKey;
    if (!receiptPub || !verifyReceipt(receipt, receiptPub) || receipt.requestHash !== deletionRequestHash(request)) {
      throw new Error('the collector’s deletion receipt does not verify; nothing was deleted on this device');
    }
    await database.put('deletions', { requestHash: receipt.requestHash, scope: JSON.stringify(scope), requestedAt: deps.now, receipt });
  }
  await deleteLocal(database, items);
}

async function deleteLocal(database: Db, items: StoredItem[]): Promise<void> {
  const ids = new Set(items.map((i) => i.id));
  const tx = database.transaction(['items', 'bundles'], 'readwrite');
  const bundles = tx.objectStore('bundles');
  // A queued bundle that holds a deleted item is unsealed: its other items go back to ready
  // and are sealed again without it.
  for (const bundle of await bundles.getAll()) {
    if (!bundle.itemIds.some((id) => ids.has(id))) continue;
    if (bundle.status === 'pending') {
      await unsealPendingBundle(tx, bundle, ids);
    } else {
      const rest = bundle.itemIds.filter((id) => !ids.has(id));
      if (rest.length === 0) await bundles.delete(bundle.bundleId);
      else await bundles.put({ ...bundle, itemIds: rest });
    }
  }
  await removeItems(tx.objectStore('items'), ids);
  await tx.done;
}
