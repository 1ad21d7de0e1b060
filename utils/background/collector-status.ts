import { z } from 'zod';
import { browser } from 'wxt/browser';
import { policyInForceSchema, rulesInForceSchema } from '../collector-api/community';
import { deviceRewardsRoute } from '../collector-api/extension';
import { epochInfoSchema } from '../collector-api/tokens';
import { collectorKeysResponseSchema } from '../wire';
import { communityStoreNames, readJoinedCommunity } from '../community/joined-community';

/** What the background learned from the collector; kept across service-worker restarts. */
export const collectorStatusSchema = z.object({
  balance: z.object({ balance: z.number(), updatedAt: z.number() }).nullable(),
  /** The newest history entries only: enough to show, small enough to keep in storage. */
  rewards: deviceRewardsRoute.schema.response[200].extend({ updatedAt: z.number() }).nullable(),
  /** The community rules the collector last said it applies (no block numbers: storage holds JSON). */
  policy: z.object({ source: policyInForceSchema.shape.source, rules: rulesInForceSchema, updatedAt: z.number() }).nullable().default(null),
  collector: z.object({ reachable: z.boolean().nullable(), lastError: z.string().nullable(), checkedAt: z.number().nullable() }),
  /** Fetched at opt-in; the receipt key is pinned on first use, encryption keys follow rotation. */
  collectorKeys: collectorKeysResponseSchema.nullable(),
  droppedNotice: z.number().int().min(0),
  /** The epochs this device holds tokens of, as the collector last described them. */
  tokenEpochs: z.array(epochInfoSchema).default([]),
});
export type CollectorStatus = z.infer<typeof collectorStatusSchema>;

const EMPTY: CollectorStatus = {
  balance: null,
  rewards: null,
  policy: null,
  collector: { reachable: null, lastError: null, checkedAt: null },
  collectorKeys: null,
  droppedNotice: 0,
  tokenEpochs: [],
};

/** The status of the community this device contributes to now (each community has its own). */
async function statusKey(): Promise<string> {
  return communityStoreNames(await readJoinedCommunity()).status;
}

export async function readCollectorStatus(): Promise<CollectorStatus> {
  const key = await statusKey();
  const parsed = collectorStatusSchema.safeParse((await browser.storage.local.get(key))[key]);
  return parsed.success ? parsed.data : EMPTY;
}

export async function updateCollectorStatus(change: (s: CollectorStatus) => CollectorStatus): Promise<CollectorStatus> {
  const key = await statusKey();
  const next = change(await readCollectorStatus());
  await browser.storage.local.set({ [key]: next });
  return next;
}

export async function clearCollectorStatus(): Promise<void> {
  await browser.storage.local.remove(await statusKey());
}
