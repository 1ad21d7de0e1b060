// The claim page speaks the reader's language from the extension's own catalogues
// (locales/<lang>.yml), served by the collector's real claim-page route under its CSP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimPageRoutes } from '../../collector/src/routes/claim-page';
import { buildClaimPage } from '../claim-page/build';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('claim page languages', () => {
  let distDir: string;
  let app: FastifyInstance;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    distDir = await buildClaimPage({ outDir: mkdtempSync(join(tmpdir(), 'claim-page-i18n-')) });
    app = Fastify();
    await app.register(claimPageRoutes(distDir));
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  async function open(locale: string) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${origin}/claim/`);
    await page.waitForSelector('section[data-state="no-tokens"]');
    const result = {
      text: await page.locator('main').textContent(),
      lang: await page.evaluate(() => document.documentElement.lang),
      title: await page.title(),
      errors,
    };
    await context.close();
    return result;
  }

  it('German for a German browser', async () => {
    const page = await open('de-DE');
    expect(page.text).toContain('Ihre Tributary-Belohnungstoken einlösen');
    expect(page.text).toContain('Diese Seite erhält Ihre Token von der Tributary-Erweiterung');
    expect(page.lang).toBe('de');
    expect(page.title).toBe('Tributary-Belohnungstoken einlösen');
    expect(page.errors).toEqual([]);
  });

  it('Spanish for a Spanish browser', async () => {
    const page = await open('es-MX');
    expect(page.text).toContain('Esta página recibe tus tokens de la extensión Tributary');
    expect(page.lang).toBe('es');
  });

  it('English for a language it has no catalogue for', async () => {
    const page = await open('fr-FR');
    expect(page.text).toContain('This page receives your tokens from the Tributary extension');
    expect(page.lang).toBe('en');
  });
});
