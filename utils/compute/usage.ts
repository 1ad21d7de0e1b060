import { z } from 'zod';
import { browser } from 'wxt/browser';

/** The model time spent on compute jobs and the shards returned, on one local day. */
export const computeUsageSchema = z.object({
  day: z.string(),
  modelMs: z.number().min(0),
  shards: z.number().int().min(0),
});
export type ComputeUsage = z.infer<typeof computeUsageSchema>;

/** The local calendar day of `now`, as YYYY-MM-DD. */
export function localDay(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Today's usage; yesterday's counts start again from zero at local midnight. */
export function usageOn(usage: ComputeUsage | null, now: number): ComputeUsage {
  const day = localDay(now);
  return usage?.day === day ? usage : { day, modelMs: 0, shards: 0 };
}

export function addUsage(usage: ComputeUsage | null, now: number, spent: { modelMs?: number; shards?: number }): ComputeUsage {
  const today = usageOn(usage, now);
  return { day: today.day, modelMs: today.modelMs + (spent.modelMs ?? 0), shards: today.shards + (spent.shards ?? 0) };
}

const KEY = 'computeUsage';

export async function readUsage(now: number): Promise<ComputeUsage> {
  const parsed = computeUsageSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
  return usageOn(parsed.success ? parsed.data : null, now);
}

export async function recordUsage(now: number, spent: { modelMs?: number; shards?: number }): Promise<ComputeUsage> {
  const parsed = computeUsageSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
  const next = addUsage(parsed.success ? parsed.data : null, now, spent);
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
