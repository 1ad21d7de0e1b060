import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { ItemView } from '../../utils/protocol/ui';
import { visitPage } from './harness/device';
import { startStack, type Stack } from './harness/stack';

/** A page the extension always collects once opted in: the control that makes every "nothing" meaningful. */
const CONTROL = 'article.html';
/**
 * Where no observer may come, a probe watches this long after the page's load for one: there is no
 * event for "decided not to inject". Where one must come, it waits for it up to INJECTION_TIMEOUT_MS.
 */
const ABSENCE_WINDOW_MS = 3000;
const INJECTION_TIMEOUT_MS = 60_000;

describe('consent: collection happens only with consent, outside denied and sensitive sites, incognito and pauses', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const itemIds = async () => new Set((await stack.items()).items.map((i) => i.id));
  const titleOf = (item: ItemView) => item.redacted?.title ?? item.raw?.title ?? '';

  /**
   * Visits `pages` (each of which must yield nothing), then the control page, and returns the
   * items that appeared. The observation of a page is sent when it is left, so by the time the
   * control's item exists, any item of the earlier pages would exist too.
   */
  async function collectedAround(visit: () => Promise<void>): Promise<ItemView[]> {
    const before = await itemIds();
    await visit();
    await stack.visit(CONTROL, 2000);
    await expect.poll(async () => (await stack.items()).items.length, { timeout: 30_000 }).toBe(before.size + 1);
    return (await stack.items()).items.filter((i) => !before.has(i.id));
  }

  function expectOnlyControl(fresh: ItemView[]) {
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.origin).toBe(stack.pages.origin);
    expect(titleOf(fresh[0]!)).toContain('beekeeping');
  }

  /**
   * Loads `url` in a new tab of `context` and reports whether Tributary's page observer was
   * injected (its isolated world, named after the extension, appears) and what the page itself
   * saw of it: every message posted to the page's window.
   */
  async function probePage(context: BrowserContext, url: string, watchMs = ABSENCE_WINDOW_MS): Promise<{ injected: boolean; pageMessages: string[] }> {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    const injected = new Promise<true>((resolve) => {
      session.on('Runtime.executionContextCreated', ({ context: c }) => {
        const aux = c.auxData as { type?: string } | undefined;
        if (aux?.type === 'isolated' && c.name === 'Tributary') resolve(true);
      });
    });
    await session.send('Runtime.enable');
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.defineProperty(window, '__probeMessages', { value: seen });
      window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
    });
    await page.goto(url);
    await page.waitForLoadState('load');
    // The background injects the observer once the tab reports it has loaded.
    let watch: NodeJS.Timeout | undefined;
    const seen = await Promise.race([injected, new Promise<false>((resolve) => (watch = setTimeout(resolve, watchMs, false)))]);
    clearTimeout(watch);
    // Whatever the observer would announce, give it time to reach the page.
    await page.waitForTimeout(300);
    const pageMessages = await page.evaluate(() => (window as unknown as { __probeMessages: string[] }).__probeMessages);
    await session.detach();
    await page.close();
    return { injected: seen, pageMessages };
  }
  const observerRuns = async (context: BrowserContext, url: string) => (await probePage(context, url)).injected;

  it('consent: before opt-in nothing is collected and no Tributary code runs on pages', async () => {
    await stack.visit(CONTROL, 2000);
    expect(await observerRuns(stack.browser.context, stack.pages.url(CONTROL))).toBe(false);
    const state = await stack.ui({ type: 'get-state' });
    expect(state.consent.optedIn).toBe(false);
    expect(state.collectedToday).toBe(0);
    expect((await stack.items()).items).toHaveLength(0);

    await stack.optIn();
    // The same check, now positive: the probe can see the observer when it is there, and the
    // page it observes is told nothing (no message, such as a framework's "script started").
    expect(await probePage(stack.browser.context, stack.pages.url(CONTROL), INJECTION_TIMEOUT_MS)).toEqual({ injected: true, pageMessages: [] });
  });

  it('consent: a site on the deny list produces nothing while another site still does', async () => {
    await stack.ui({ type: 'set-site-rule', origin: stack.pages.altOrigin, rule: 'deny' });
    // Decided before any code reaches the page: a denied site never runs the observer.
    expect(await observerRuns(stack.browser.context, stack.pages.altUrl('recipes.html'))).toBe(false);
    const fresh = await collectedAround(async () => {
      await stack.visit(stack.pages.altUrl('recipes.html'), 2000);
    });
    expectOnlyControl(fresh);

    // Lifting the rule makes the same site collectable again.
    await stack.ui({ type: 'set-site-rule', origin: stack.pages.altOrigin, rule: null });
    const before = await itemIds();
    await stack.visit(stack.pages.altUrl('recipes.html'), 2000);
    await expect.poll(async () => (await stack.items()).items.length, { timeout: 30_000 }).toBe(before.size + 1);
    const lifted = (await stack.items()).items.filter((i) => !before.has(i.id));
    expect(lifted.map((i) => i.origin)).toEqual([stack.pages.altOrigin]);
  });

  it('consent: the popup’s “never on this site” button denies the site of the last web tab', async () => {
    const tab = await stack.browser.context.newPage();
    await tab.goto(stack.pages.altUrl('chess.html'));
    // Straight back to the popup: a bounce under a second is not a visit.
    await stack.popup.bringToFront();
    await stack.popup.reload();
    const button = stack.popup.locator('[data-testid=never-on-site]');
    await expect.poll(() => button.getAttribute('data-origin'), { timeout: 30_000 }).toBe(stack.pages.altOrigin);
    await button.click();
    await stack.popup.waitForSelector('[data-testid=site-denied]');
    expect((await stack.ui({ type: 'get-state' })).consent.siteRules[stack.pages.altOrigin]).toBe('deny');
    await tab.close();

    const fresh = await collectedAround(async () => {
      await stack.visit(stack.pages.altUrl('cycling.html'), 2000);
    });
    expectOnlyControl(fresh);
    await stack.ui({ type: 'set-site-rule', origin: stack.pages.altOrigin, rule: null });
  });

  it('consent: sensitive pages (a password field, a /login path) produce nothing', async () => {
    const fresh = await collectedAround(async () => {
      await stack.visit('password.html', 2000);
      await stack.visit('login/sourdough.html', 2000);
    });
    expectOnlyControl(fresh);
    expect(await observerRuns(stack.browser.context, stack.pages.url('password.html'))).toBe(false);
    // The very same page outside the login path is collected: the path alone made the difference.
    const before = await itemIds();
    await stack.visit('sourdough.html', 2000);
    await expect.poll(async () => (await stack.items()).items.length, { timeout: 30_000 }).toBe(before.size + 1);
  });

  it('consent: an incognito (off-the-record) browser context gets no page observer and yields no item; the manifest says incognito not_allowed', async () => {
    const worker = stack.browser.context.serviceWorkers().find((w) => w.url().includes(stack.browser.extensionId))!;
    type Chrome = { chrome: { runtime: { getManifest(): { incognito?: string } } } };
    expect(await worker.evaluate(() => (globalThis as unknown as Chrome).chrome.runtime.getManifest().incognito)).toBe('not_allowed');

    // Playwright's newContext() on this browser is Target.createBrowserContext: an off-the-record profile.
    const offTheRecord = await stack.browser.context.browser()!.newContext();
    try {
      expect(await observerRuns(offTheRecord, stack.pages.url('chess.html'))).toBe(false);
      const fresh = await collectedAround(async () => {
        await visitPage(offTheRecord, stack.pages.url('chess.html'), 2000);
      });
      expectOnlyControl(fresh);
    } finally {
      await offTheRecord.close();
    }
  });

  it('consent: pausing stops collection and resuming restarts it', async () => {
    await stack.popup.bringToFront();
    await stack.popup.click('[data-testid=pause-1h]');
    await stack.popup.waitForSelector('[data-testid=paused]');
    const paused = await stack.ui({ type: 'get-state' });
    expect(paused.consent.pausedUntil).toBeGreaterThan(Date.now() + 50 * 60_000);

    const before = await itemIds();
    await stack.visit('cycling.html', 2000);
    await stack.visit(CONTROL, 2000);

    await stack.popup.bringToFront();
    await stack.popup.click('[data-testid=resume]');
    await stack.popup.waitForSelector('[data-testid=pause-1h]');
    expect((await stack.ui({ type: 'get-state' })).consent.pausedUntil).toBeNull();

    // Nothing from the paused visits; the first visit after resuming is collected.
    await collectedAround(async () => undefined);
    expectOnlyControl((await stack.items()).items.filter((i) => !before.has(i.id)));
  });

  it('consent: opt-out stops at once, even for a page already open, and no page gets the observer after it', async () => {
    const tab = await stack.browser.context.newPage();
    await tab.goto(stack.pages.url('astronomy.html'));
    await tab.bringToFront();
    await tab.waitForTimeout(1500);
    const before = await itemIds();

    await stack.popup.click('[data-testid=opt-out]');
    await stack.popup.waitForSelector('[data-testid=opt-in]');
    // Leaving the page sends its observation; the background refuses it on arrival.
    await tab.goto('about:blank');
    await tab.close();
    await stack.visit(CONTROL, 2000);
    expect(await observerRuns(stack.browser.context, stack.pages.url(CONTROL))).toBe(false);

    const state = await stack.ui({ type: 'get-state' });
    expect(state.consent.optedIn).toBe(false);
    expect((await stack.items()).items.filter((i) => !before.has(i.id))).toHaveLength(0);
  });
});
