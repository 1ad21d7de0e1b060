import { readConsent } from '../consent/settings';
import { loadDeviceKey } from '../keys/device-key';
import type { ModelProgress } from '../messages';
import type { Db, ItemStatus } from '../store/db';
import type { ExtensionState, ItemsReply, ItemView } from '../state';
import { readInclusion } from './dataset-proof';
import { readStatus } from './status';

const STATUSES: ItemStatus[] = ['processing', 'held', 'ready', 'queued', 'sent', 'failed'];

export function startOfLocalDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export async function buildState(database: Db, model: ModelProgress, collectorUrl: string, now: number): Promise<ExtensionState> {
  const [consent, status, key] = await Promise.all([readConsent(), readStatus(), loadDeviceKey(database)]);
  const items = {} as Record<ItemStatus, number>;
  for (const s of STATUSES) items[s] = await database.countFromIndex('items', 'status', s);
  const collectedToday = await database.countFromIndex('items', 'visitedAt', IDBKeyRange.lowerBound(startOfLocalDay(now)));
  return {
    consent,
    devicePub: key?.publicKey ?? null,
    collectorUrl,
    collectedToday,
    items,
    bundles: {
      pending: await database.countFromIndex('bundles', 'status', 'pending'),
      accepted: await database.countFromIndex('bundles', 'status', 'accepted'),
    },
    balance: status.balance,
    rewards: status.rewards,
    collectorReceiptKey: status.collectorKeys?.receipt.publicKey ?? null,
    collector: status.collector,
    model,
    droppedNotice: status.droppedNotice,
  };
}

/** Everything the dashboard lists; embeddings stay out (large, and meaningless to read). */
export async function listItems(database: Db): Promise<ItemsReply> {
  const [items, bundles, deletions, inclusion] = await Promise.all([
    database.getAll('items'),
    database.getAll('bundles'),
    database.getAll('deletions'),
    readInclusion(),
  ]);
  const receipts = new Map(bundles.filter((b) => b.receipt).map((b) => [b.bundleId, b.receipt!]));
  const views: ItemView[] = items
    .sort((a, b) => b.visitedAt - a.visitedAt)
    .map(({ embedding: _e, ...item }) => {
      const receipt = item.bundleId ? receipts.get(item.bundleId) : undefined;
      return {
        ...item,
        receipt: receipt ? { bundleId: receipt.bundleId, storedAt: receipt.storedAt } : null,
        inclusion: item.bundleId ? (inclusion[item.bundleId] ?? null) : null,
      };
    });
  return { items: views, deletions: deletions.sort((a, b) => b.requestedAt - a.requestedAt), inclusion };
}
