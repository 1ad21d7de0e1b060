import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netLogArgs, readNetLogRequests } from './harness/net-log';
import { startStack, type Stack } from './harness/stack';

// Planted in test/e2e/pages/canary.html. Names appear the way people write them (introductions,
// titles, sign-offs), so a real anonymizer is expected to catch every one.
const CANARIES = [
  'Peter Wagner', 'Wagner', 'Maria Oyelaran', 'Oyelaran', 'Sarah Johnson', 'Johnson',
  'peter.wagner@fixit-cafe.example', 'peter.wagner', 'm.oyelaran@mailbox.example',
  '+1 415 555 0134', '415 555 0134', '020 7946 0321', '7946 0321',
  'GB82 WEST 1234 5698 7654 32', 'GB82WEST12345698765432',
  '078-05-1120',
  '221B Baker Street', 'Baker Street', 'NW1 6XE', '742 Evergreen Terrace', 'Evergreen Terrace', '62704',
  'sk_live_4eC39HqLyjWDarjtT1zdp7dc', '4eC39HqLyjWDarjtT1zdp7dc', 'AKIAIOSFODNN7EXAMPLE',
];
/** Numbers that must not survive in any spacing or punctuation. */
const DIGIT_CANARIES = ['14155550134', '4155550134', '02079460321', '79460321', '12345698765432', '078051120'];

/**
 * Chromium's own background services (component updater, network time, sign-in, autofill) call
 * these by themselves, with no initiator: they are the browser's, not the extension's. Anything
 * the extension initiates must go to the collector, Google included.
 */
const CHROMIUM_SERVICE_HOST = /(^|\.)(google\.com|googleapis\.com|gstatic\.com)(:\d+)?$/;

interface SeenRequest {
  url: string;
  method: string;
}

describe('network privacy: the extension talks to its collector only, and planted personal data never reaches it', () => {
  let stack: Stack;
  let logDir: string;
  const fromWorker: SeenRequest[] = [];

  beforeAll(async () => {
    logDir = mkdtempSync(path.join(tmpdir(), 'tributary-netlog-'));
    stack = await startStack({ browserArgs: netLogArgs(path.join(logDir, 'net.json')) });
    // A second, independent witness for the service worker (Playwright attaches to it over CDP).
    stack.browser.context.on('request', (r) => {
      if (r.serviceWorker()) fromWorker.push({ url: r.url(), method: r.method() });
    });
  });
  afterAll(async () => {
    await stack?.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('network privacy: canary personal data planted in a page (names, e-mails, phones, IBAN, SSN, addresses, API keys) is in no decrypted bundle at the collector', async () => {
    await stack.optIn();
    await stack.visit('article.html', 2000);
    await stack.visit('canary.html', 2500);
    await expect.poll(async () => (await stack.sendNow()).items.sent, { timeout: 120_000, interval: 1000 })
      .toBe(2);

    const bundles = (await stack.storedBundles());
    const signals = bundles.flatMap((b) => b.plaintext.signals);
    const canary = signals.find((s) => s.title.includes('repair café'));
    // The page did arrive, with its ordinary content: the check below is not vacuous.
    expect(canary?.text).toContain('landfill');

    // Every field of every bundle but the embeddings (binary in base64, whose characters would match by chance).
    const everything = JSON.stringify(
      bundles.map(({ plaintext }) => ({ ...plaintext, signals: plaintext.signals.map(({ embedding: _e, ...rest }) => rest) })),
    ).toLowerCase();
    expect(CANARIES.filter((c) => everything.includes(c.toLowerCase()))).toEqual([]);
    for (const s of signals) {
      const digits = `${s.title} ${s.text}`.replace(/\D/g, '');
      expect(DIGIT_CANARIES.filter((d) => digits.includes(d))).toEqual([]);
    }

    // And what the collector's database holds is what the bundles said, nothing more.
    const stored = JSON.stringify(
      (await stack.storedSignalContents()).map(({ title, text, entities }) => ({ title, text, entities })),
    ).toLowerCase();
    expect(CANARIES.filter((c) => stored.includes(c.toLowerCase()))).toEqual([]);
  });

  it('network privacy: every request of the whole browser from launch through opt-in, browsing and submission is the collector’s, a test page’s or Chromium’s own', async () => {
    // The net log is complete once the browser has closed.
    await stack.browser.close();
    const requests = readNetLogRequests(path.join(logDir, 'net.json'));
    const collector = new URL(stack.collector.baseUrl).origin;
    const extension = `chrome-extension://${stack.browser.extensionId}`;
    const pages = [stack.pages.origin, stack.pages.altOrigin];
    const allowed = (r: (typeof requests)[number]) => {
      const target = new URL(r.url);
      if (r.initiator === extension) return target.origin === collector;
      if (r.initiator !== null) return pages.includes(r.initiator) && pages.includes(target.origin);
      return target.origin === collector || pages.includes(target.origin) || CHROMIUM_SERVICE_HOST.test(target.host);
    };

    // The log attributes the extension's requests (worker, offscreen document, pages) to it…
    const fromExtension = requests.filter((r) => r.initiator === extension);
    expect(fromExtension.some((r) => r.method === 'POST' && r.url === `${collector}/v1/bundles`)).toBe(true);
    expect(fromExtension.some((r) => r.url === `${collector}/v1/keys`)).toBe(true);
    // …and nothing in it goes anywhere it should not.
    expect(requests.filter((r) => !allowed(r))).toEqual([]);

    expect(fromWorker.some((r) => r.method === 'POST' && r.url === `${collector}/v1/bundles`)).toBe(true);
    expect(fromWorker.filter((r) => new URL(r.url).origin !== collector)).toEqual([]);
  });
});
