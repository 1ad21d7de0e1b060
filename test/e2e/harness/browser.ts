import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens an extension page such as `popup.html`. */
  openExtensionPage(page: string): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Chromium, new headless mode, the built extension loaded, a fresh profile. */
export async function launchWithExtension(
  extensionDir: string,
  profileDir?: string,
  options: {
    args?: string[];
    /** The browser's UI language (on Linux Chromium reads it from LANGUAGE); English unless told, whatever the machine's locale. */
    language?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const language = options.language ?? 'en-US';
  const userDataDir = profileDir ?? mkdtempSync(path.join(tmpdir(), 'tributary-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, LANGUAGE: language.replace('-', '_') },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${language}`,
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async openExtensionPage(page) {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page}`);
      return tab;
    },
    async close() {
      await context.close();
      if (!profileDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
