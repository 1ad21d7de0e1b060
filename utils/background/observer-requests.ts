import { decideCollection, type CollectDecision } from '../consent/policy';
import { readConsent, type Consent } from '../consent/settings';
import { withTextLanguage, type DetectLanguage } from '../collect/page-language';
import { recordObservation } from '../items/item-store';
import type { CollectPolicy, ObserverMessage } from '../protocol/page-observer';
import type { Db } from '../store/db';
import { updateCollectorStatus } from './collector-status';

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
export async function answerObserver(message: ObserverMessage, page: ObservedPage, deps: ObserverDeps): Promise<CollectPolicy | null> {
  const { consent, decision } = await decidePage(page, deps.collectorUrl, (deps.now ?? Date.now)());
  if (message.type === 'collect-policy') return { collect: decision.collect, signals: consent.signals };
  // Checked again on arrival: consent may have changed while the user read the page.
  if (!decision.collect || message.observation.origin !== new URL(page.url).origin) return null;
  const observation = await withTextLanguage(message.observation, deps.detectLanguage);
  const { dropped } = await recordObservation(await deps.db(), observation);
  if (dropped > 0) await updateCollectorStatus((s) => ({ ...s, droppedNotice: s.droppedNotice + dropped }));
  deps.browsingActivity();
  return null;
}
