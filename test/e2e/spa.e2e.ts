import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness/stack';

describe('single-page apps: a route change is a visit', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    await stack.optIn();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('three route changes and a step back make a visit each, with its own text and dwell; the /account route makes none', async () => {
    const tab = await stack.browser.context.newPage();
    const session = await stack.browser.context.newCDPSession(tab);
    // The background injects the observer once the page has loaded: its isolated world appears.
    const injected = new Promise<void>((resolve) =>
      session.on('Runtime.executionContextCreated', ({ context }) => {
        if ((context.auxData as { type?: string } | undefined)?.type === 'isolated' && context.name === 'Tributary') resolve();
      }),
    );
    await session.send('Runtime.enable');
    await tab.goto(stack.pages.url('spa.html'));
    await tab.bringToFront();
    await injected;
    // Each route is read for 1.5 s (above the 1 s minimum attention) and scrolled.
    const read = async () => {
      await tab.waitForTimeout(750);
      await tab.mouse.wheel(0, 2000);
      await tab.waitForTimeout(750);
    };
    await read();
    await tab.click('a[href="/post/lighthouses"]');
    await read();
    await tab.click('a[href="/post/tide-pools"]');
    await read();
    await tab.click('a[href="/account"]');
    await read();
    await tab.evaluate(() => history.back());
    await read();
    await session.detach();
    // Closing the tab ends the last visit.
    await tab.close();

    await expect.poll(async () => (await stack.items()).items.length, { timeout: 30_000 }).toBe(4);
    // In the order the routes were read (visit times reach the collector only to the hour).
    const visits = (await stack.items()).items.sort((a, b) => a.visitedAt - b.visitedAt);
    const TITLES = ['Harbour notes: this week on the coast', 'How lighthouses found their light', 'Reading a tide pool', 'Reading a tide pool'];
    expect(visits.map((v) => v.raw?.title)).toEqual(TITLES);
    for (const [i, visit] of visits.entries()) {
      expect(visit.dwellMs).toBeGreaterThan(1000);
      expect(visit.scrollDepth).toBeGreaterThan(0);
      // Each visit's dwell is its own: it fits in the time before the next route's visit began.
      if (i > 0) expect(visit.visitedAt - visits[i - 1]!.visitedAt).toBeGreaterThanOrEqual(visits[i - 1]!.dwellMs);
    }

    await stack.ui({ type: 'flush' });
    const stored = async () => (await stack.storedBundles()).flatMap((b) => b.plaintext.signals);
    await expect.poll(async () => (await stored()).length, { timeout: 180_000, interval: 2000 }).toBe(4);
    const signals = await stored();
    const byTitle = (title: string) => signals.filter((s) => s.title === title);
    expect(signals.map((s) => s.title).sort()).toEqual([...TITLES].sort());
    const [feed] = byTitle(TITLES[0]!);
    const [lighthouses] = byTitle(TITLES[1]!);
    expect(feed!.text).toContain('ferry timetable');
    expect(feed!.text).not.toContain('glass prisms');
    expect(lighthouses!.text).toContain('rings of glass prisms');
    expect(lighthouses!.text).not.toContain('ferry');
    for (const tidePools of byTitle(TITLES[2]!)) {
      expect(tidePools.text).toContain('periwinkles');
      expect(tidePools.text).not.toContain('glass prisms');
    }
    for (const signal of signals) {
      expect(signal.origin).toBe(stack.pages.origin);
      expect(signal.dwellMs).toBeGreaterThan(1000);
      expect(signal.text).not.toContain('Loading');
    }
    const sent = JSON.stringify(signals);
    expect(sent).not.toContain('Quay Street');
    expect(sent).not.toContain('Your account');
  });
});
