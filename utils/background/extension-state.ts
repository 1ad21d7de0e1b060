import { readConsent } from '../consent/settings';
import { loadDeviceKey } from '../identity/device-key';
import { allItems, countItemsByStatus, countItemsVisitedSince } from '../items/item-store';
import type { StoredItem } from '../items/item';
import type { Db } from '../store/db';
import type { ModelProgress } from '../protocol/model-host';
import type { ExtensionState, ItemsReply, ItemView } from '../protocol/ui';
import { readInclusion } from './dataset-proof';
import { topicOf } from '../community-model/label';
import { readCommunityCheck, readCommunityModel } from '../community-model/model-store';
import { readComputeSettings } from '../compute/settings';
import { readUsage } from '../compute/usage';
import type { ComputeStatus } from './compute-work';
import { readCollectorStatus, type CollectorStatus } from './collector-status';
import { allTokens } from '../tokens/token-store';
import type { StoredToken } from '../store/db';

export function startOfLocalDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export async function buildState(database: Db, model: ModelProgress, collectorUrl: string, now: number, compute: ComputeStatus): Promise<ExtensionState> {
  const [consent, status, key, computeSettings, usage] = await Promise.all([
    readConsent(),
    readCollectorStatus(),
    loadDeviceKey(database),
    readComputeSettings(),
    readUsage(now),
  ]);
  const items = await countItemsByStatus(database);
  const collectedToday = await countItemsVisitedSince(database, startOfLocalDay(now));
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
    policy: status.policy,
    collectorReceiptKey: status.collectorKeys?.receipt.publicKey ?? null,
    collector: status.collector,
    model,
    droppedNotice: status.droppedNotice,
    compute: {
      settings: computeSettings,
      today: { modelMs: usage.modelMs, shards: usage.shards },
      running: compute.running,
      blocked: compute.running ? null : compute.blocked,
      power: compute.power,
    },
    tokens: tokenSummary(await allTokens(database), status.tokenEpochs, now),
  };
}

/** Tokens by epoch; an epoch is closed once its end has passed (the collector redeems no earlier). */
export function tokenSummary(tokens: readonly StoredToken[], epochs: CollectorStatus['tokenEpochs'], now: number): ExtensionState['tokens'] {
  const byEpoch = new Map<number, { count: number; units: number }>();
  for (const t of tokens) {
    const e = byEpoch.get(t.epoch) ?? { count: 0, units: 0 };
    byEpoch.set(t.epoch, { count: e.count + 1, units: e.units + t.denomination });
  }
  const rows = [...byEpoch].sort(([a], [b]) => a - b).map(([epoch, held]) => {
    const info = epochs.find((e) => e.epoch === epoch);
    const endsAt = info?.endsAt ?? Number.POSITIVE_INFINITY;
    return { epoch, ...held, endsAt: info?.endsAt ?? 0, closed: now >= endsAt, devices: info?.devices ?? null };
  });
  const sum = (rs: typeof rows) => ({ count: rs.reduce((n, r) => n + r.count, 0), units: rs.reduce((n, r) => n + r.units, 0) });
  return { ...sum(rows), redeemable: sum(rows.filter((r) => r.closed)), epochs: rows };
}

function withoutEmbedding(item: StoredItem): Omit<ItemView, 'receipt' | 'inclusion'> {
  if (!('embedding' in item)) return item;
  const { embedding: _e, ...view } = item;
  return view;
}

/** Everything the dashboard lists; embeddings stay out (large, and meaningless to read). */
export async function listItems(database: Db): Promise<ItemsReply> {
  const [items, bundles, deletions, inclusion, model, check] = await Promise.all([
    allItems(database),
    database.getAll('bundles'),
    database.getAll('deletions'),
    readInclusion(),
    readCommunityModel(database),
    readCommunityCheck(database),
  ]);
  const receipts = new Map(bundles.filter((b) => b.receipt).map((b) => [b.bundleId, b.receipt!]));
  const views: ItemView[] = items
    .sort((a, b) => b.visitedAt - a.visitedAt)
    .map((item) => {
      const bundleId = 'bundleId' in item ? item.bundleId : undefined;
      const receipt = bundleId ? receipts.get(bundleId) : undefined;
      return {
        ...withoutEmbedding(item),
        receipt: receipt ? { bundleId: receipt.bundleId, storedAt: receipt.storedAt } : null,
        inclusion: bundleId ? (inclusion[bundleId] ?? null) : null,
        topic: model && 'embedding' in item ? topicOf(model, { embedding: item.embedding, embedModel: item.models.embed, redacted: item.redacted }) : null,
      };
    });
  const release = model && { manifestCid: model.manifestCid, seq: model.seq, heldOutAccuracy: model.heldOutAccuracy, verifiedAt: model.verifiedAt };
  return {
    items: views,
    deletions: deletions.sort((a, b) => b.requestedAt - a.requestedAt),
    inclusion,
    communityModel: { model: release, check },
  };
}
