import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { startCollector, type RunningCollector } from '../../../collector/test/process';
import { openEnvelope, verifyEnvelope, type BundleEnvelope, type BundlePlaintext } from '../../../utils/wire';
import { openStoredEnvelope, openStoredSignal, type SignalContent, type StoredSignalRef } from '../../../collector/src/at-rest/content';
import { fsKeyring } from '../../../collector/src/at-rest/keyring';
import { fsBlobStore } from '../../../collector/src/cas/blob-store';
import { loadConfig } from '../../../collector/src/config';
import { loadOrCreateKeys } from '../../../collector/src/key-material';
import type { ExtensionState, ItemsReply } from '../../../utils/protocol/ui';
import type { UiRequest } from '../../../utils/protocol/ui';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { E2E_MANIFEST, testExtension } from './build-extension';
import { deviceOn, optIn, visitPage } from './device';
import { freePort } from './free-port';
import { servePages, type PagesOptions, type PagesServer } from './pages-server';

export interface Stack {
  collector: RunningCollector;
  collectorDir: string;
  pages: PagesServer;
  browser: ExtensionBrowser;
  popup: Page;
  /** Sends one UI request as the popup would, and unwraps the reply. */
  ui<T = ExtensionState>(request: UiRequest): Promise<T>;
  optIn(): Promise<void>;
  /** Asks the extension to send what is ready now ("Send now"), then answers its state. */
  sendNow(): Promise<ExtensionState>;
  /** Opens a test page (a name under the pages server, or a full URL), stays `dwellMs` with the page in front, scrolls, then leaves it. */
  visit(page: string, dwellMs?: number): Promise<void>;
  /** Stops the collector (SIGTERM) and starts it again on the same port and data dir, with `env` added. */
  restartCollector(env?: Record<string, string>): Promise<RunningCollector>;
  stopCollector(): Promise<void>;
  /** Stops the extension's service worker, as Chromium does when it idles one out; resolves once it reports stopped. */
  stopExtensionWorker(): Promise<void>;
  items(): Promise<ItemsReply>;
  /** Every bundle the collector stored, re-verified and decrypted with the collector's own key. */
  storedBundles(): Promise<{ envelope: BundleEnvelope; plaintext: BundlePlaintext; signatureValid: boolean }[]>;
  /** The content of every signal row the collector holds, opened with its keys at rest. */
  storedSignalContents(): Promise<SignalContent[]>;
  collectorDb(): Database.Database;
  close(): Promise<void>;
}

/**
 * One whole Tributary on loopback: a collector on its own SQLite file, a server for the test
 * pages, and Debian's Chromium with the extension built for that collector.
 */
export async function startStack(
  options: {
    outDir?: string;
    browserArgs?: string[];
    /** Added to the collector's environment (every start). */
    env?: Record<string, string>;
    pages?: PagesOptions;
    /** The model manifest the extension is built with; E2E_MANIFEST unless told. */
    manifest?: string;
  } = {},
): Promise<Stack> {
  const collectorDir = mkdtempSync(path.join(tmpdir(), 'tributary-collector-'));
  const port = await freePort();
  const collectorUrl = `http://127.0.0.1:${port}`;
  const outDir = options.outDir ?? mkdtempSync(path.join(tmpdir(), 'tributary-ext-'));
  const extensionDir = testExtension(collectorUrl, { cache: inject('e2eBuildCache'), manifest: options.manifest ?? E2E_MANIFEST, outDir });
  let collector = await startCollector(collectorDir, { COLLECTOR_PORT: String(port), ...options.env });
  const pages = await servePages(options.pages);
  const browser = await launchWithExtension(extensionDir, undefined, { args: options.browserArgs });
  const popup = await browser.openExtensionPage('popup.html');

  /** The collector's keys and keyring, as its own process reads them (startCollector puts the keyring in its data dir). */
  function collectorAtRest() {
    const config = loadConfig({ COLLECTOR_DATA_DIR: collectorDir, COLLECTOR_KEYRING_DIR: path.join(collectorDir, 'keyring') });
    const keys = loadOrCreateKeys(config);
    return { config, keys, keyring: fsKeyring(config.keyringDir, keys.master.key) };
  }

  const device = deviceOn(browser, popup);
  const { ui } = device;

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
    optIn: () => optIn(device),
    async sendNow() {
      await ui({ type: 'flush' });
      return ui<ExtensionState>({ type: 'get-state' });
    },
    visit: (page, dwellMs) => visitPage(browser.context, /^https?:/.test(page) ? page : pages.url(page), dwellMs),
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
    async storedSignalContents() {
      const { keyring } = collectorAtRest();
      const database = openDb();
      let rows: StoredSignalRef[];
      try {
        rows = database.prepare('SELECT id, bundle_id, device_pub, sealed FROM signals').all() as StoredSignalRef[];
      } finally {
        database.close();
      }
      const contents: SignalContent[] = [];
      for (const row of rows) {
        const content = await openStoredSignal(keyring, row);
        if (!content) throw new Error(`signal ${row.id} does not open`);
        contents.push(content);
      }
      return contents;
    },
    async storedBundles() {
      const { config, keys, keyring } = collectorAtRest();
      const blobs = fsBlobStore(config.blobDir);
      const database = openDb();
      let rows: { bundle_id: string; device_pub: string; cid: string }[];
      try {
        rows = database.prepare('SELECT bundle_id, device_pub, cid FROM bundles WHERE deleted_at IS NULL').all() as typeof rows;
      } finally {
        database.close();
      }
      const stored = [];
      for (const row of rows) {
        // The blob is the envelope sealed at rest under its bundle's key.
        const blob = await blobs.get(row.cid);
        const bytes = blob && (await openStoredEnvelope(keyring, row.device_pub, row.bundle_id, blob));
        if (!bytes) throw new Error(`bundle ${row.bundle_id}: its blob does not open`);
        const envelope = JSON.parse(Buffer.from(bytes).toString('utf8')) as BundleEnvelope;
        const key = keys.encryption.find((k) => k.keyId === envelope.collectorKeyId);
        if (!key) throw new Error(`no collector key ${envelope.collectorKeyId}`);
        stored.push({ envelope, plaintext: openEnvelope(envelope, key.secretKey), signatureValid: verifyEnvelope(envelope) });
      }
      return stored;
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

export { E2E_MANIFEST, ROOT } from './build-extension';
