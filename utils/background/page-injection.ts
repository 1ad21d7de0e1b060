import { browser } from 'wxt/browser';

const OBSERVER_FILE = '/observer.js';

/**
 * Puts the page observer into a tab whose page has finished loading. Injected after `load` by
 * the background rather than registered as a content script: Chromium injects a registered
 * script, and builds the extension's isolated world for it, while the page is still loading,
 * which delayed the load event by ~50 ms a page on a 2-core machine even with an empty script
 * (bench/README.md). And a page the background has decided not to observe (no consent, paused,
 * a denied or sensitive site) never runs any Tributary code at all. The trade-off: a page that
 * never finishes loading (a resource that never completes) is not observed.
 */
export async function injectObserver(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [OBSERVER_FILE] });
    return true;
  } catch {
    // The tab was closed or navigated meanwhile, or shows a page no extension may script.
    return false;
  }
}

export interface LoadedTabDeps {
  /** The background's one decision about a page (consent, pause, incognito, site rules, sensitive sites). */
  decide(page: { url: string; incognito: boolean }): Promise<{ decision: { collect: boolean } }>;
  /** A page has just loaded where Tributary collects: browsing is going on. */
  browsingActivity(): void;
  inject(tabId: number): Promise<boolean>;
}

/**
 * The background's `tabs.onUpdated` handler: when a tab reports its page has loaded, inject the
 * observer if, and only if, the page may be observed. Before opt-in the browser shows the
 * extension no url (it has no site access), so there is nothing to decide.
 */
export async function onTabUpdated(
  tabId: number,
  change: { status?: string },
  tab: { url?: string; incognito: boolean },
  deps: LoadedTabDeps,
): Promise<boolean> {
  if (change.status !== 'complete' || !tab.url) return false;
  const { decision } = await deps.decide({ url: tab.url, incognito: tab.incognito });
  if (!decision.collect) return false;
  deps.browsingActivity();
  return deps.inject(tabId);
}
