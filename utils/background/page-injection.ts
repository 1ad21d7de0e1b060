import { browser } from 'wxt/browser';

/** Every web page: the site access asked for at opt-in, never at install. */
export const SITE_ORIGINS = ['http://*/*', 'https://*/*'];
const OBSERVER_FILE = '/observer.js';

/**
 * Puts the page observer into a tab whose page has finished loading. Injected after `load` by
 * the background rather than registered as a content script: Chromium injects a registered
 * script, and builds the extension's isolated world for it, while the page is still loading,
 * which delayed the load event by ~50 ms a page on a 2-core machine even with an empty script
 * (bench/README.md). And a page the background has decided not to observe (no consent, paused,
 * a denied or sensitive site) never runs any Tributary code at all.
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
