import { z } from 'zod';
import { browser } from 'wxt/browser';
import type { TdmRule } from '../consent/tdm';
import { tdmRuleSchema, type TdmRepEntry } from '../consent/tdmrep-file';

/**
 * Each origin's TDMRep rules, kept until their response's freshness ends. Session storage: it
 * outlives the service worker between page views, and is gone when the browser closes.
 */
const PREFIX = 'tdmrep:';
/** Origins kept at most; the answers that expire soonest go first. */
export const TDMREP_CACHED_ORIGINS = 500;

const entrySchema = z.object({ rules: z.array(tdmRuleSchema), expiresAt: z.number() });

/** The origin's rules while its last answer is fresh; null when it must be asked again. */
export async function cachedTdmRules(origin: string, now: number): Promise<TdmRule[] | null> {
  const key = PREFIX + origin;
  const entry = entrySchema.safeParse((await browser.storage.session.get(key))[key]);
  return entry.success && entry.data.expiresAt > now ? entry.data.rules : null;
}

export async function storeTdmRules(origin: string, entry: TdmRepEntry, now: number): Promise<void> {
  const all = await browser.storage.session.get(null);
  const kept = Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX) && key !== PREFIX + origin)
    .map(([key, value]) => ({ key, expiresAt: entrySchema.safeParse(value).data?.expiresAt ?? 0 }))
    .sort((a, b) => b.expiresAt - a.expiresAt);
  const stale = kept.filter((e, i) => e.expiresAt <= now || i >= TDMREP_CACHED_ORIGINS - 1).map((e) => e.key);
  if (stale.length > 0) await browser.storage.session.remove(stale);
  await browser.storage.session.set({ [PREFIX + origin]: entry });
}
