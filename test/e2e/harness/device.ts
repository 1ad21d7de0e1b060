import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionState, UiReply, UiRequest } from '../../../utils/protocol/ui';
import type { ExtensionBrowser } from './browser';

/** One browser profile with the extension, driven through its popup as the user would. */
export interface Device {
  browser: ExtensionBrowser;
  popup: Page;
  /** Sends one UI request as the popup would, and unwraps the reply. */
  ui<T = ExtensionState>(request: UiRequest): Promise<T>;
}

export function deviceOn(browser: ExtensionBrowser, popup: Page): Device {
  return {
    browser,
    popup,
    async ui<T>(request: UiRequest): Promise<T> {
      const reply = (await popup.evaluate((r) => chrome.runtime.sendMessage(r), request)) as UiReply<T>;
      if (!reply.ok) throw new Error(`${request.type}: ${reply.error}`);
      return reply.value;
    },
  };
}

export async function optIn(device: Device): Promise<void> {
  await device.popup.bringToFront();
  await device.popup.click('[data-testid=opt-in]');
  await device.popup.waitForSelector('[data-testid=opt-out]');
}

/** Opens `url` in a new tab, stays `dwellMs` with the page in front, scrolls halfway through, then leaves it. */
export async function visitPage(context: BrowserContext, url: string, dwellMs = 1500): Promise<void> {
  const tab = await context.newPage();
  await tab.goto(url);
  await tab.bringToFront();
  await tab.waitForTimeout(dwellMs / 2);
  await tab.mouse.wheel(0, 4000);
  await tab.waitForTimeout(dwellMs / 2);
  // Leaving the page ends the visit; the observation is sent on the way out.
  await tab.goto('about:blank');
  await tab.close();
}

/**
 * Opts in, reads each page, waits until the device has collected them all (`collectTimeoutMs`: several
 * devices at once on a loaded machine need longer), sends them and waits until no bundle is pending.
 */
export async function contribute(device: Device, urls: string[], { collectTimeoutMs = 60_000 } = {}): Promise<void> {
  await optIn(device);
  for (const url of urls) await visitPage(device.browser.context, url, 2500);
  await expect.poll(async () => (await device.ui({ type: 'get-state' })).collectedToday, { timeout: collectTimeoutMs }).toBe(urls.length);
  await device.ui({ type: 'flush' });
  await expect.poll(async () => (await device.ui({ type: 'get-state' })).bundles.pending, { timeout: 120_000 }).toBe(0);
}
