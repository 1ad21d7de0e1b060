import { isPaused, type Consent } from './settings';
import { sensitiveCategory } from './sensitive-sites';

export type CollectDecision =
  | { collect: true }
  | { collect: false; reason: 'not-opted-in' | 'collector' | 'paused' | 'incognito' | 'not-web' | 'denied-site' | 'sensitive' };

/**
 * The one place that decides whether a page may be observed. Order matters: consent and
 * incognito are checked before any site rule, so an "allow" rule can never override them.
 */
export function decideCollection(
  consent: Consent,
  page: { url: string; incognito: boolean },
  now: number,
): CollectDecision {
  if (!consent.optedIn) return { collect: false, reason: 'not-opted-in' };
  if (isPaused(consent, now)) return { collect: false, reason: 'paused' };
  if (page.incognito) return { collect: false, reason: 'incognito' };
  let url: URL;
  try {
    url = new URL(page.url);
  } catch {
    return { collect: false, reason: 'not-web' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { collect: false, reason: 'not-web' };
  const rule = consent.siteRules[url.origin];
  if (rule === 'deny') return { collect: false, reason: 'denied-site' };
  const sensitive = sensitiveCategory(url);
  if (sensitive && (rule !== 'allow' || !sensitive.overridable)) return { collect: false, reason: 'sensitive' };
  return { collect: true };
}
