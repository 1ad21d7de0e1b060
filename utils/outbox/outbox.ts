import { base64ToBytes, sealBundle, verifyIngestReceipt, type CollectorKeysResponse } from '../wire';
import { bundlePlaintext } from '../bundle/build-bundle';
import { CollectorError, type CollectorClient } from '../collector-client/client';
import type { DeviceKey } from '../identity/device-key';
import type { IDBPTransaction } from 'idb';
import type { ReadyItem } from '../items/item';
import { markItemsSent, sealItems, unsealItems } from '../items/item-store';
import type { Db, StoredBundle, TributarySchema } from '../store/db';
import { retryDelayMs } from './backoff';

/**
 * Seals the items into one bundle and queues it, in a single transaction: an item is either
 * ready or in exactly one queued bundle, whatever moment the service worker is stopped at.
 */
export async function enqueueBundle(
  database: Db,
  items: ReadyItem[],
  deviceKey: DeviceKey,
  keys: CollectorKeysResponse,
  now: number,
): Promise<StoredBundle> {
  const current = keys.encryption.find((k) => k.current);
  if (!current) throw new Error('collector published no current encryption key');
  const bundleId = crypto.randomUUID();
  const plaintext = bundlePlaintext(items, deviceKey.publicKey, bundleId, now);
  const envelope = await deviceKey.withSecret((secret) =>
    sealBundle(plaintext, { collectorPub: base64ToBytes(current.publicKey), collectorKeyId: current.keyId }, secret),
  );
  const bundle: StoredBundle = {
    bundleId,
    envelope,
    itemIds: items.map((i) => i.id),
    status: 'pending',
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
  };
  const tx = database.transaction(['bundles', 'items'], 'readwrite');
  await tx.objectStore('bundles').put(bundle);
  try {
    await sealItems(tx.objectStore('items'), bundle.itemIds, bundleId);
  } catch (err) {
    // Dropped, deleted or edited by the user while we were sealing: the bundle must not carry it.
    tx.abort();
    // The abort is the intended outcome, not a second failure left unhandled.
    await tx.done.catch(() => undefined);
    throw err;
  }
  await tx.done;
  return bundle;
}

/**
 * Takes a not-yet-acknowledged bundle apart: its items go back to ready (except `dropping`,
 * which the caller deletes), to be sealed again in a later bundle.
 */
export async function unsealPendingBundle(
  tx: IDBPTransaction<TributarySchema, ('bundles' | 'items')[], 'readwrite'>,
  bundle: StoredBundle,
  dropping: ReadonlySet<string> = new Set(),
): Promise<void> {
  await unsealItems(tx.objectStore('items'), bundle.itemIds, dropping);
  await tx.objectStore('bundles').delete(bundle.bundleId);
}

export interface DrainResult {
  sent: number;
  failed: number;
  /** The collector no longer knows the key a bundle was sealed to: fetch its keys again. */
  keysStale: boolean;
  /** false when the collector could not be reached at all; null when nothing was tried. */
  reachable: boolean | null;
  lastError: string | null;
}

/**
 * Submits every due bundle, oldest first. A bundle leaves the queue only when the collector
 * acknowledges it with a receipt that verifies; submission is idempotent by bundle id, so a
 * retry after a lost acknowledgement is credited once.
 */
export async function drainOutbox(
  database: Db,
  client: CollectorClient,
  receiptPub: string,
  now: number,
  /** "Send now": the user asked, so retry delays are skipped once. */
  force = false,
): Promise<DrainResult> {
  const pending = (await database.getAllFromIndex('bundles', 'status', 'pending'))
    .filter((b) => force || b.nextAttemptAt <= now)
    .sort((a, b) => a.createdAt - b.createdAt);
  const result: DrainResult = { sent: 0, failed: 0, keysStale: false, reachable: null, lastError: null };
  for (const due of pending) {
    // Recorded before the request: if the worker dies mid-flight, the bundle still counts as
    // possibly delivered (deletion then asks the collector too).
    const bundle = { ...due, attempts: due.attempts + 1 };
    await database.put('bundles', bundle);
    try {
      const { receipt } = await client.submitBundle(bundle.envelope);
      if (receipt.bundleId !== bundle.bundleId || !verifyIngestReceipt(receipt, receiptPub)) {
        throw new CollectorError('receipt does not verify against the collector key', 200, 'bad_receipt', null);
      }
      await markAccepted(database, bundle, receipt, now);
      result.sent += 1;
      result.reachable = true;
    } catch (err) {
      const error = err instanceof CollectorError ? err : new CollectorError(String(err), null, 'error', null);
      if (error.code === 'unknown_collector_key') {
        // Sealed to a key the collector has dropped: reseal the items after a key refresh.
        const tx = database.transaction(['bundles', 'items'], 'readwrite');
        await unsealPendingBundle(tx, bundle);
        await tx.done;
        result.keysStale = true;
        result.reachable = true;
        continue;
      }
      result.failed += 1;
      result.lastError = error.message;
      result.reachable = error.status !== null;
      await database.put('bundles', {
        ...bundle,
        // A refusal is not retried in a tight loop either; it stays visible and waits for a fix.
        nextAttemptAt: now + retryDelayMs(error.retryable ? due.attempts : due.attempts + 6, error.retryAfter),
        lastError: error.message,
      });
      // The collector is down or overloaded: later bundles would only fail the same way.
      if (error.status === null || error.status === 429 || error.status >= 500) break;
    }
  }
  return result;
}

async function markAccepted(database: Db, bundle: StoredBundle, receipt: StoredBundle['receipt'], now: number): Promise<void> {
  const tx = database.transaction(['bundles', 'items'], 'readwrite');
  await tx.objectStore('bundles').put({ ...bundle, status: 'accepted', receipt, acceptedAt: now, lastError: undefined });
  await markItemsSent(tx.objectStore('items'), bundle.itemIds, now);
  await tx.done;
}
