import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { startCollector, type RunningCollector } from '../../../collector/test/process';
import { base64ToBytes, openEnvelope, verifyEnvelope, type BundleEnvelope, type BundlePlaintext } from '../../../utils/wire';
import type { ExtensionState, ItemsReply, UiReply } from '../../../utils/protocol/ui';
import type { UiRequest } from '../../../utils/protocol/ui';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { buildExtension, ROOT } from './build-extension';
import { freePort } from './free-port';
import { servePages, type PagesServer } from './pages-server';

/** The model manifest e2e runs use: the real models unless a run names another. */
export const E2E_MANIFEST = process.env.TRIBUTARY_MODEL_MANIFEST ?? 'models/manifest.json';

export interface Stack {
  collector: RunningCollector;
  collectorDir: string;
  pages: PagesServer;
  browser: ExtensionBrowser;
  popup: Page;
  /** Sends one UI request as the popup would, and unwraps the reply. */
  ui<T = ExtensionState>(request: UiRequest): Promise<T>;
  optIn(): Promise<void>;
  /** Opens a test page (a name under the pages server, or a full URL), stays `dwellMs` with the page in front, scrolls, then leaves it. */
  visit(page: string, dwellMs?: number): Promise<void>;
  /** Stops the collector (SIGTERM) and starts it again on the same port and data dir, with `env` added. */
  restartCollector(env?: Record<string, string>): Promise<RunningCollector>;
  stopCollector(): Promise<void>;
  /** Stops the extension's service worker, as Chromium does when it idles one out; resolves once it reports stopped. */
  stopExtensionWorker(): Promise<void>;
  items(): Promise<ItemsReply>;
  /** Every bundle the collector stored, re-verified and decrypted with the collector's own key. */
  storedBundles(): { envelope: BundleEnvelope; plaintext: BundlePlaintext; signatureValid: boolean }[];
  collectorDb(): Database.Database;
  close(): Promise<void>;
}

/**
 * One whole Tributary on loopback: a collector on its own SQLite file, a server for the test
 * pages, and Debian's Chromium with the extension built for that collector.
 */
export async function startStack(
  options: { outDir?: string; browserArgs?: string[]; /** Added to the collector's environment (every start). */ env?: Record<string, string> } = {},
): Promise<Stack> {
  const collectorDir = mkdtempSync(path.join(tmpdir(), 'tributary-collector-'));
  const port = await freePort();
  const collectorUrl = `http://127.0.0.1:${port}`;
  const outDir = options.outDir ?? mkdtempSync(path.join(tmpdir(), 'tributary-ext-'));
  const extensionDir = buildExtension(collectorUrl, { manifest: E2E_MANIFEST, outDir });
  let collector = await startCollector(collectorDir, { COLLECTOR_PORT: String(port), ...options.env });
  const pages = await servePages();
  const browser = await launchWithExtension(extensionDir, undefined, { args: options.browserArgs });
  const popup = await browser.openExtensionPage('popup.html');

  async function ui<T>(request: UiRequest): Promise<T> {
    const reply = (await popup.evaluate((r) => chrome.runtime.sendMessage(r), request)) as UiReply<T>;
    if (!reply.ok) throw new Error(`${request.type}: ${reply.error}`);
    return reply.value;
  }

  const openDb = () => new Database(path.join(collectorDir, 'collector.sqlite'), { readonly: true });

  async function stopCollector(): Promise<void> {
    if (collector.child.exitCode === null && collector.child.signalCode === null) await collector.stop();
  }

  return {
    get collector() {
      return collector;
    },
    collectorDir,
    pages,
    browser,
    popup,
    ui,
    async optIn() {
      await popup.bringToFront();
      await popup.click('[data-testid=opt-in]');
      await popup.waitForSelector('[data-testid=opt-out]');
    },
    async visit(page, dwellMs = 1500) {
      const tab = await browser.context.newPage();
      await tab.goto(/^https?:/.test(page) ? page : pages.url(page));
      await tab.bringToFront();
      await tab.waitForTimeout(dwellMs / 2);
      await tab.mouse.wheel(0, 4000);
      await tab.waitForTimeout(dwellMs / 2);
      // Leaving the page ends the visit; the observation is sent on the way out.
      await tab.goto('about:blank');
      await tab.close();
    },
    async restartCollector(env = {}) {
      await stopCollector();
      collector = await startCollector(collectorDir, { COLLECTOR_PORT: String(port), ...options.env, ...env });
      return collector;
    },
    stopCollector,
    async stopExtensionWorker() {
      // ServiceWorker.stopAllWorkers leaves extension workers running in Chromium 156; stopping
      // the extension's version by id is what DevTools' "stop" does, and it reports the stop.
      const session = await browser.context.newCDPSession(popup);
      const scriptPrefix = `chrome-extension://${browser.extensionId}/`;
      try {
        const stopped = new Promise<void>((resolve) => {
          session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            for (const v of versions) {
              if (v.scriptURL.startsWith(scriptPrefix) && v.runningStatus === 'running') {
                void session.send('ServiceWorker.stopWorker', { versionId: v.versionId }).catch(() => undefined);
              }
              if (v.scriptURL.startsWith(scriptPrefix) && v.runningStatus === 'stopped') resolve();
            }
          });
        });
        await session.send('ServiceWorker.enable');
        await stopped;
      } finally {
        await session.detach().catch(() => undefined);
      }
    },
    items: () => ui<ItemsReply>({ type: 'list-items' }),
    storedBundles() {
      const keys = JSON.parse(readFileSync(path.join(collectorDir, 'keys.json'), 'utf8')) as {
        encryption: { keyId: string; secretKey: string }[];
      };
      const database = openDb();
      try {
        const rows = database.prepare('SELECT envelope_json FROM bundles WHERE envelope_json IS NOT NULL').all() as { envelope_json: string }[];
        return rows.map(({ envelope_json }) => {
          const envelope = JSON.parse(envelope_json) as BundleEnvelope;
          const key = keys.encryption.find((k) => k.keyId === envelope.collectorKeyId);
          if (!key) throw new Error(`no collector key ${envelope.collectorKeyId}`);
          return { envelope, plaintext: openEnvelope(envelope, base64ToBytes(key.secretKey)), signatureValid: verifyEnvelope(envelope) };
        });
      } finally {
        database.close();
      }
    },
    collectorDb: openDb,
    async close() {
      await browser.close().catch(() => undefined);
      await pages.close();
      await stopCollector();
      rmSync(collectorDir, { recursive: true, force: true });
      if (!options.outDir) rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export { ROOT };
