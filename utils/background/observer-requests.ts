import { decideCollection, type CollectDecision } from '../consent/policy';
import { readConsent, type Consent } from '../consent/settings';
import { withTextLanguage, type DetectLanguage } from '../collect/page-language';
import { recordObservation } from '../items/item-store';
import type { TdmRule } from '../consent/tdm';
import { tdmRepEntry } from '../consent/tdmrep-file';
import type { CollectPolicy, ObserverMessage } from '../protocol/page-observer';
import type { Db } from '../store/db';
import { updateCollectorStatus } from './collector-status';
import { cachedTdmRules, storeTdmRules } from './tdmrep-cache';

export interface ObservedPage {
  url: string;
  incognito: boolean;
}

/**
 * The background's one decision about a page (consent, pause, incognito, site rules, sensitive
 * sites): the collector's own pages are never observed either.
 */
export async function decidePage(page: ObservedPage, collectorUrl: string, now: number): Promise<{ consent: Consent; decision: CollectDecision }> {
  const consent = await readConsent();
  const isCollector = new URL(page.url).origin === new URL(collectorUrl).origin;
  return { consent, decision: isCollector ? { collect: false, reason: 'collector' } : decideCollection(consent, page, now) };
}

export interface ObserverDeps {
  db: () => Promise<Db>;
  collectorUrl: string;
  /** A visit has just ended where Tributary collects: browsing is going on. */
  browsingActivity(): void;
  /** The browser's language detector (`i18n.detectLanguage`). */
  detectLanguage: DetectLanguage;
  now?: () => number;
}

/** Answers one validated message of the page observer in `page` (the tab the browser says sent it). */
export async function answerObserver(
  message: ObserverMessage,
  page: ObservedPage,
  deps: ObserverDeps,
): Promise<CollectPolicy | TdmRule[] | null> {
  const now = (deps.now ?? Date.now)();
  const { consent, decision } = await decidePage(page, deps.collectorUrl, now);
  // The page's address is the sending tab's origin (message-router.ts): a page can only speak for its own origin.
  const origin = new URL(page.url).origin;
  if (message.type === 'collect-policy') {
    const tdm = decision.collect && consent.signals.text ? await cachedTdmRules(origin, now) : null;
    return { collect: decision.collect, signals: consent.signals, tdm };
  }
  if (!decision.collect) return null;
  if (message.type === 'tdmrep') {
    const entry = tdmRepEntry(message.response, now);
    await storeTdmRules(origin, entry, now);
    return entry.rules;
  }
  // Checked again on arrival: consent may have changed while the user read the page.
  if (message.observation.origin !== origin) return null;
  // A reservation the observer reported holds whatever else the message carries.
  const reported = message.observation.tdmReserved ? { ...message.observation, title: '', text: '' } : message.observation;
  const observation = await withTextLanguage(reported, deps.detectLanguage);
  const { dropped } = await recordObservation(await deps.db(), observation);
  if (dropped > 0) await updateCollectorStatus((s) => ({ ...s, droppedNotice: s.droppedNotice + dropped }));
  deps.browsingActivity();
  return null;
}
