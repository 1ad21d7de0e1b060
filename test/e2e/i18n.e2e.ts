// The extension's UI follows the browser's language: the same build in a German Chromium shows
// the popup and the dashboard in German, and in English otherwise.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from './harness/browser';
import { buildExtension } from './harness/build-extension';

describe('UI language', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'tributary-i18n-'));
  let extensionDir: string;

  beforeAll(() => {
    // Nothing here reaches a collector: the pages are looked at before opt-in.
    extensionDir = buildExtension('http://127.0.0.1:9', { outDir, userBuild: true });
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  async function texts(language: string) {
    const browser = await launchWithExtension(extensionDir, undefined, { language });
    try {
      const popup = await browser.openExtensionPage('popup.html');
      await popup.waitForSelector('[data-testid=opt-in]');
      const dashboard = await browser.openExtensionPage('dashboard.html');
      await dashboard.waitForSelector('[data-testid=tab-items]');
      return {
        uiLanguage: await popup.evaluate(() => chrome.i18n.getUILanguage()),
        optIn: await popup.textContent('[data-testid=opt-in]'),
        popup: await popup.textContent('main'),
        tabs: await dashboard.locator('[role=tab]').allTextContents(),
      };
    } finally {
      await browser.close();
    }
  }

  it('German in a German browser', async () => {
    const de = await texts('de');
    expect(de.uiLanguage).toBe('de');
    expect(de.optIn).toBe('Teilnehmen');
    expect(de.popup).toContain('Was nie gesammelt wird');
    expect(de.tabs).toEqual(['Einträge', 'Websites', 'Löschungen & Quittungen', 'Belohnungen', 'Einstellungen']);
  });

  it('English in an English browser', async () => {
    const en = await texts('en-US');
    expect(en.uiLanguage).toBe('en-US');
    expect(en.optIn).toBe('Opt in');
    expect(en.popup).toContain('What is never collected');
    expect(en.tabs).toEqual(['Items', 'Sites', 'Deletions & receipts', 'Rewards', 'Settings']);
  });
});
