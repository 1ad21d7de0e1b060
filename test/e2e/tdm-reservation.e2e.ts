import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netLogArgs, readNetLogRequests } from './harness/net-log';
import { startStack, type Stack } from './harness/stack';

// localhost reserves one folder of its pages (W3C TDMRep, /.well-known/tdmrep.json); 127.0.0.1 has
// no file, and one of its pages reserves itself with a meta tag (test/e2e/pages/tdm-reserved.html).
const TDMREP = JSON.stringify([
  { location: '/reserved/', 'tdm-reservation': 1, 'tdm-policy': 'https://policy.example/tdm.json' },
  { location: '/', 'tdm-reservation': 0 },
]);
const WELL_KNOWN = '/.well-known/tdmrep.json';
/** Chromium's own background services (see network-privacy.e2e.ts): the browser's, not the extension's. */
const CHROMIUM_SERVICE_HOST = /(^|\.)(google\.com|googleapis\.com|gstatic\.com)(:\d+)?$/;

describe('TDM reservations: a site owner’s reservation keeps its pages’ title and text on the device', () => {
  let stack: Stack;
  let logDir: string;

  beforeAll(async () => {
    logDir = mkdtempSync(path.join(tmpdir(), 'tributary-netlog-'));
    stack = await startStack({ browserArgs: netLogArgs(path.join(logDir, 'net.json')), pages: { tdmrep: { localhost: TDMREP } } });
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  /** A visit that lasts until the background keeps its origin's answer: the next page of the origin must not need to ask again. */
  async function visitUntilKept(url: string): Promise<void> {
    const tab = await stack.browser.context.newPage();
    await tab.goto(url);
    await tab.bringToFront();
    const key = `tdmrep:${new URL(url).origin}`;
    await expect
      .poll(() => stack.popup.evaluate(async (k) => k in (await chrome.storage.session.get(k)), key), { timeout: 30_000, interval: 200 })
      .toBe(true);
    await tab.mouse.wheel(0, 4000);
    await tab.waitForTimeout(1500);
    await tab.goto('about:blank');
    await tab.close();
  }

  it('reserved pages (meta tag; tdmrep.json) reach the collector without title or text, an unreserved page of the same run with them', async () => {
    await stack.optIn();
    await visitUntilKept(stack.pages.url('tdm-reserved.html'));
    await visitUntilKept(stack.pages.altUrl('reserved/astronomy.html'));
    await stack.visit(stack.pages.altUrl('open/sourdough.html'), 2000);
    await expect
      .poll(async () => (await stack.sendNow()).items.sent, { timeout: 120_000, interval: 1000 })
      .toBe(3);

    const stored = await stack.storedSignalContents();
    expect(stored).toHaveLength(3);
    const byText = (s: (typeof stored)[number]) => `${s.title} ${s.text}`;
    const open = stored.filter((s) => byText(s).includes('sourdough'));
    expect(open).toHaveLength(1);
    expect(open[0]!.title).toBe('Keeping a sourdough starter alive');
    const reserved = stored.filter((s) => s !== open[0]);
    expect(reserved.map((s) => [s.title, s.text])).toEqual([
      ['', ''],
      ['', ''],
    ]);
    const everything = JSON.stringify(stored).toLowerCase();
    for (const word of ['lighthouse', 'fresnel', 'perseid', 'meteor']) expect(everything).not.toContain(word);

    // The dashboard tells the user why.
    const { items } = await stack.items();
    expect(items.filter((i) => i.tdmReserved).map((i) => new URL(i.origin).hostname).sort()).toEqual(['127.0.0.1', 'localhost']);

    // Each origin was asked for its file once (the second localhost page used the kept answer), nothing else was.
    const asked = stack.pages.requests.filter((r) => new URL(r).pathname === WELL_KNOWN);
    expect(asked.sort()).toEqual([`${stack.pages.origin}${WELL_KNOWN}`, `${stack.pages.altOrigin}${WELL_KNOWN}`].sort());
  });

  it('the network audit: pages asked only their own origin, the extension only its collector', async () => {
    await stack.browser.close();
    const requests = readNetLogRequests(path.join(logDir, 'net.json'));
    const collector = new URL(stack.collector.baseUrl).origin;
    const extension = `chrome-extension://${stack.browser.extensionId}`;
    const pages = [stack.pages.origin, stack.pages.altOrigin];

    const fromPages = requests.filter((r) => r.initiator !== null && pages.includes(r.initiator));
    expect(fromPages.filter((r) => new URL(r.url).pathname === WELL_KNOWN).map((r) => r.url).sort()).toEqual(
      [`${stack.pages.origin}${WELL_KNOWN}`, `${stack.pages.altOrigin}${WELL_KNOWN}`].sort(),
    );
    expect(fromPages.filter((r) => new URL(r.url).origin !== r.initiator)).toEqual([]);
    expect(requests.filter((r) => r.initiator === extension && new URL(r.url).origin !== collector)).toEqual([]);
    // Nothing went to the policy's host, or to any host but the pages', the collector and Chromium's own.
    const web = requests.map((r) => new URL(r.url)).filter((u) => u.protocol === 'http:' || u.protocol === 'https:');
    const elsewhere = web.filter((u) => u.origin !== collector && !pages.includes(u.origin) && !CHROMIUM_SERVICE_HOST.test(u.host));
    expect(elsewhere.map((u) => u.href)).toEqual([]);
  });
});
