/**
 * What the browser benchmarks share: one build of the real extension (the e2e harness's build,
 * with the bench's model manifest), Debian's Chromium with it or without it, and a loopback
 * server for the pages under bench/pages/.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, launchWithExtension, type ExtensionBrowser } from '../../test/e2e/harness/browser';
import { buildExtension } from '../../test/e2e/harness/build-extension';
import { ROOT } from '../lib/child';

export const PAGES_DIR = path.join(ROOT, 'bench/pages');
export const BENCH_PAGES = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html')).sort();

/** Real models if their manifest is committed; the test fixtures otherwise (numbers then say so). */
export function benchManifest(): { file: string; real: boolean } {
  const named = process.env.TRIBUTARY_MODEL_MANIFEST;
  if (named) return { file: named, real: named === 'models/manifest.json' };
  const real = 'models/manifest.json';
  return existsSync(path.join(ROOT, real)) ? { file: real, real: true } : { file: 'test/fixtures/models.fixtures.json', real: false };
}

export interface BuiltExtension {
  dir: string;
  remove(): void;
}

export function buildBenchExtension(collectorUrl: string, manifest: string): BuiltExtension {
  const outDir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-ext-'));
  return { dir: buildExtension(collectorUrl, { manifest, outDir }), remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

export interface BenchExtensionBrowser extends ExtensionBrowser {
  /** The profile folder; it also names the browser process, for the memory figures. */
  userDataDir: string;
}

/** The e2e harness's launch (Debian's Chromium, headless, the built extension) on a profile the bench owns. */
export async function launchExtension(dir: string): Promise<BenchExtensionBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-profile-'));
  const ext = await launchWithExtension(dir, userDataDir);
  return {
    ...ext,
    userDataDir,
    async close() {
      await ext.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The same Chromium and flags as the extension profile, without any extension. */
export async function launchPlain(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface PagesServer {
  url(page: string): string;
  close(): Promise<void>;
}

export async function serveBenchPages(): Promise<PagesServer> {
  const server = createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname);
    readFile(path.join(PAGES_DIR, name)).then(
      (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { url: (page) => `${origin}/${page}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Opts in through the real popup, as a user would (test builds already hold site access). */
export async function optIn(ext: ExtensionBrowser): Promise<void> {
  const popup = await ext.openExtensionPage('popup.html');
  await popup.click('[data-testid=opt-in]');
  await popup.waitForSelector('[data-testid=opt-out]');
  await popup.close();
}

/** The visible text of a bench page, as the page-signal texts for the model benchmarks. */
export function pageTexts(): string[] {
  return BENCH_PAGES.map((f) =>
    readFileSync(path.join(PAGES_DIR, f), 'utf8')
      .replace(/<(style|svg|script)[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

export type { ExtensionBrowser, Page };
