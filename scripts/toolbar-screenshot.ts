// The README's toolbar screenshot: Chromium headed on an X display (headless Chromium draws no
// browser chrome), the extension pinned beside the address bar, the screen grabbed with
// ImageMagick's `import` and cropped to the tab strip and toolbar.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../test/e2e/harness/browser';

const WINDOW = { width: 900, height: 500 };
/** Tab strip and toolbar of Chromium's default window frame, in pixels from the window's top. */
const TOOLBAR_HEIGHT = 80;

/** Chromium's id for an unpacked extension: its path's SHA-256, the first 32 hex digits written with a-p. */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(realpathSync(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

export async function screenshotToolbar(extensionDir: string, pageUrl: string, outPath: string): Promise<void> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'tributary-toolbar-'));
  // An unpinned extension hides behind the puzzle-piece menu; pinning is a profile preference.
  mkdirSync(path.join(userDataDir, 'Default'));
  writeFileSync(
    path.join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { pinned_extensions: [unpackedExtensionId(extensionDir)] } }),
  );
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: null,
    env: { ...process.env, LANGUAGE: 'en_US' },
    // Without it Chromium shows a "controlled by automated test software" bar under the toolbar.
    ignoreDefaultArgs: ['--enable-automation'],
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--test-type',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-US',
      '--window-position=0,0',
      `--window-size=${WINDOW.width},${WINDOW.height}`,
    ],
  });
  try {
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 30_000 });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pageUrl);
    await page.bringToFront();
    // The page has loaded; one more animation frame lets the browser chrome paint it.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    execFileSync('import', ['-window', 'root', '-crop', `${WINDOW.width}x${TOOLBAR_HEIGHT}+0+0`, '+repage', outPath]);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
