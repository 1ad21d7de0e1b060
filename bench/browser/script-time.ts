/**
 * Main-thread time of the extension's page observer on one visit, from a V8 CPU profile of the
 * tab (CDP Profiler, 100 µs sampling): the time of every sample whose stack holds a frame of a
 * chrome-extension:// script (the DOM calls it makes count too). The tab first opens a tiny page of
 * the same site, so the profiled navigation stays in one renderer and the profiler, started before
 * it, sees the observer from its first line; it stops just before the tab closes.
 */
import type { BrowserContext } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function extensionMicros(profile: Profile): number {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inExtension = new Map<number, boolean>();
  const resolve = (id: number): boolean => {
    const known = inExtension.get(id);
    if (known !== undefined) return known;
    const own = byId.get(id)!.callFrame.url.startsWith('chrome-extension://');
    const p = parent.get(id);
    const value = own || (p !== undefined && resolve(p));
    inExtension.set(id, value);
    return value;
  };
  let total = 0;
  // timeDeltas[i] is the gap before sample i; it is charged to sample i's stack.
  profile.samples.forEach((id, i) => {
    if (resolve(id)) total += profile.timeDeltas[i] ?? 0;
  });
  return total;
}

export async function contentScriptMs(context: BrowserContext, url: string, dwellMs: number): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(new URL('/start', url).href);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load' });
    await page.bringToFront();
    await page.waitForTimeout(dwellMs);
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(200);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await cdp.detach();
    return extensionMicros(profile) / 1000;
  } finally {
    await page.close();
  }
}
