// Retakes the README's screenshots (docs/*.png) from a real run: collector, the extension with
// its real models in Chromium, a few local test pages read, one bundle sent and proven.
// Run: npx tsx scripts/screenshots.ts   (LANGUAGE=de for the German UI)
// The toolbar screenshot needs an X display: xvfb-run -a -s '-screen 0 1280x800x24' npx tsx scripts/screenshots.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack } from '../test/e2e/harness/stack';
import { screenshotToolbar } from './toolbar-screenshot';
import type { ExtensionState, ItemsReply } from '../utils/protocol/ui';

const DOCS = path.resolve(import.meta.dirname, '../docs');
const PAGES = ['sourdough.html', 'astronomy.html', 'chess.html'];

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 180_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const outDir = mkdtempSync(path.join(tmpdir(), 'tributary-ext-'));
const stack = await startStack({ outDir, env: { COLLECTOR_EPOCH_MS: '1000' } });
try {
  const { popup, browser } = stack;
  await popup.setViewportSize({ width: 380, height: 730 });
  await popup.reload();
  await popup.waitForSelector('[data-testid=opt-in]');
  await popup.screenshot({ path: path.join(DOCS, 'popup-consent.png'), fullPage: true });

  // Headless Chromium draws no toolbar; its extensions page shows the icon as Chrome does.
  const extensions = await browser.context.newPage();
  await extensions.setViewportSize({ width: 900, height: 500 });
  await extensions.goto('chrome://extensions');
  await extensions.locator('extensions-item', { hasText: 'Tributary' }).screenshot({ path: path.join(DOCS, 'extension-card.png') });
  await extensions.close();

  await stack.optIn();
  for (const page of PAGES) await stack.visit(page, 2500);
  await poll(() => stack.ui<ExtensionState>({ type: 'get-state' }), (s) => s.collectedToday === PAGES.length, 'the visits');
  await stack.ui({ type: 'flush' });
  await poll(() => stack.ui<ExtensionState>({ type: 'get-state' }), (s) => s.bundles.accepted >= 1 && s.balance !== null, 'an accepted bundle');
  await poll(
    async () => (await stack.ui({ type: 'verify-dataset' }), stack.items()),
    (items: ItemsReply) => items.items.every((item) => item.inclusion?.state === 'included'),
    'the inclusion proofs',
  );

  await popup.setViewportSize({ width: 380, height: 680 });
  await popup.reload();
  await popup.waitForSelector('[data-testid=balance]');
  await popup.waitForFunction(() => document.querySelector('[data-testid=model-progress]')?.getAttribute('data-state') === 'ready');
  await popup.screenshot({ path: path.join(DOCS, 'popup.png') });

  const dashboard = await browser.openExtensionPage('dashboard.html');
  await dashboard.setViewportSize({ width: 1100, height: 900 });
  await dashboard.waitForSelector('[data-testid=item]');
  // One visit opened, to show exactly what left the device.
  await dashboard.locator('[data-testid=item] .item-toggle').nth(1).click();
  await dashboard.waitForSelector('.item-text');
  await dashboard.screenshot({ path: path.join(DOCS, 'dashboard.png') });

  if (process.env.DISPLAY) {
    await screenshotToolbar(path.join(outDir, 'chrome-mv3'), stack.pages.url(PAGES[0]!), path.join(DOCS, 'toolbar.png'));
  } else {
    console.log('no X display: docs/toolbar.png left as it was (run under xvfb-run to retake it)');
  }
  console.log(`screenshots written to ${DOCS}`);
} finally {
  await stack.close();
  rmSync(outDir, { recursive: true, force: true });
}
