// Joining a second community from its descriptor URL on the options page: the descriptor and the
// policy in force are shown first, the join is gated by chrome.permissions.request for that
// collector's origin, and afterwards the extension's bundles reach that collector only.
//
// What this cannot show: the browser's permission prompt being answered. Headless Chromium shows the
// prompt where nothing can click it (a user build's chrome.permissions.request for a collector origin
// never settles there) and Playwright treats extension permission prompts as out of its scope
// (microsoft/playwright#32755). So this runs the test build, whose install-time site access (as in
// every e2e here) already covers the origin: the request the Join click makes resolves granted
// without a prompt. The test records that request (one, for that collector's origin only, made by the
// click) and takes the path it gates; the prompt itself is not exercised.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../collector/test/process';
import { netLogArgs, readNetLogRequests } from './harness/net-log';
import { startStack, type Stack } from './harness/stack';

const SECOND_NAME = 'Second commons';

function bundleDevices(collectorDir: string): string[] {
  const database = new Database(path.join(collectorDir, 'collector.sqlite'), { readonly: true });
  try {
    return (database.prepare('SELECT device_pub FROM bundles').all() as { device_pub: string }[]).map((r) => r.device_pub);
  } finally {
    database.close();
  }
}

describe('joining a community from its descriptor URL', () => {
  let stack: Stack;
  let second: RunningCollector;
  let secondDir: string;
  let logDir: string;
  let options: Page;
  /** What the extension's service worker requested, in order. */
  const fromWorker: { url: string; method: string }[] = [];
  let requestsBeforeJoin = 0;

  beforeAll(async () => {
    logDir = mkdtempSync(path.join(tmpdir(), 'tributary-netlog-'));
    secondDir = mkdtempSync(path.join(tmpdir(), 'tributary-collector-'));
    second = await startCollector(secondDir, { COLLECTOR_COMMUNITY_NAME: SECOND_NAME, COLLECTOR_COMMUNITY_DESCRIPTION: 'A second community, for the test.' });
    stack = await startStack({ browserArgs: netLogArgs(path.join(logDir, 'net.json')) });
    stack.browser.context.on('request', (r) => {
      if (r.serviceWorker()) fromWorker.push({ url: r.url(), method: r.method() });
    });
  });
  afterAll(async () => {
    await stack?.close();
    await second?.stop();
    rmSync(secondDir, { recursive: true, force: true });
    rmSync(logDir, { recursive: true, force: true });
  });

  it('shows the second community’s signed descriptor and policy before joining, and joins it on the click', async () => {
    await stack.optIn();
    const builtInDevice = (await stack.ui({ type: 'get-state' })).devicePub;
    options = await stack.browser.openExtensionPage('options.html');
    await options.getByTestId('current-community').filter({ hasText: stack.collector.baseUrl }).waitFor();

    await options.getByTestId('community-url').fill(`${second.baseUrl}/governance/`);
    await options.getByTestId('community-look-up').click();
    await expect.poll(() => options.getByTestId('community-name').textContent(), { timeout: 30_000 }).toBe(SECOND_NAME);
    expect(await options.getByTestId('community-collector').textContent()).toBe(second.baseUrl);
    expect(await options.getByTestId('policy-source').count()).toBe(1);
    expect(await options.getByTestId('community-unsent-note').isVisible()).toBe(true);
    // Looking is not joining: the extension still contributes to the built-in community.
    expect((await stack.ui({ type: 'get-state' })).collectorUrl).toBe(stack.collector.baseUrl);

    // Record the page's permission requests: none for looking up, one for exactly that origin on the click.
    type Permissions = { origins?: string[]; permissions?: string[] };
    type PermissionsApi = { request: (p: Permissions) => Promise<boolean> };
    type Spied = { chrome: { permissions: PermissionsApi }; __permissionRequests: Permissions[] };
    await options.evaluate(() => {
      const page = globalThis as unknown as Spied;
      const asked: Permissions[] = [];
      page.__permissionRequests = asked;
      const request = page.chrome.permissions.request.bind(page.chrome.permissions);
      page.chrome.permissions.request = (p) => (asked.push(p), request(p));
    });
    const permissionRequests = () => options.evaluate(() => (globalThis as unknown as Spied).__permissionRequests);

    requestsBeforeJoin = fromWorker.length;
    await options.getByTestId('community-join').click();
    await options.getByTestId('current-community').filter({ hasText: second.baseUrl }).waitFor({ timeout: 30_000 });
    expect(await permissionRequests()).toEqual([{ origins: [`${second.baseUrl}/*`] }]);
    const state = await stack.ui({ type: 'get-state' });
    expect(state.collectorUrl).toBe(second.baseUrl);
    // A device key of this community's own: the two collectors cannot link the device by it.
    expect(state.devicePub).toMatch(/^[0-9a-f]{64}$/);
    expect(state.devicePub).not.toBe(builtInDevice);
  });

  it('sends its bundles to the joined collector only, signed by the new device key', async () => {
    await stack.visit('article.html', 2000);
    await expect.poll(async () => (await stack.sendNow()).items.sent, { timeout: 120_000, interval: 1000 })
      .toBeGreaterThanOrEqual(1);
    const device = (await stack.ui({ type: 'get-state' })).devicePub;
    expect(bundleDevices(secondDir)).toContain(device);
    expect(bundleDevices(stack.collectorDir)).toEqual([]);

    // From the join on, the service worker asked nothing of any other host.
    const afterJoin = fromWorker.slice(requestsBeforeJoin);
    expect(afterJoin.some((r) => r.method === 'POST' && r.url === `${second.baseUrl}/v1/bundles`)).toBe(true);
    expect(afterJoin.filter((r) => new URL(r.url).origin !== second.baseUrl)).toEqual([]);

    // The whole browser's net log: the extension's requests went to the two collectors only, and no bundle to the first.
    await stack.browser.close();
    const extension = `chrome-extension://${stack.browser.extensionId}`;
    const fromExtension = readNetLogRequests(path.join(logDir, 'net.json')).filter((r) => r.initiator === extension);
    expect(fromExtension.filter((r) => ![stack.collector.baseUrl, second.baseUrl].includes(new URL(r.url).origin))).toEqual([]);
    expect(fromExtension.filter((r) => r.method === 'POST' && new URL(r.url).origin === stack.collector.baseUrl)).toEqual([]);
    expect(fromExtension.some((r) => r.method === 'POST' && r.url === `${second.baseUrl}/v1/bundles`)).toBe(true);
  });
});
