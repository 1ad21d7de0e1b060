import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelManifestSchema } from '../../utils/models/manifest';
import { decodeVectorB64 } from '../../utils/wire/index';
import { ROOT, E2E_MANIFEST, startStack, type Stack } from './harness/stack';

const manifest = modelManifestSchema.parse(JSON.parse(readFileSync(path.resolve(ROOT, E2E_MANIFEST), 'utf8')));
// Planted in test/e2e/pages/article.html; none of them may reach the collector.
const PLANTED = ['jane.doe@example.org', '+44 20 7946 0958', '7946 0958', '4111 1111 1111 1111', '4111111111111111'];

describe('pipeline: opt in → collect → anonymize → embed → seal → submit → credited', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Epochs every second, so the transparency log publishes within the test.
    stack = await startStack({ env: { COLLECTOR_EPOCH_MS: '1000' } });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('collects nothing and contacts nobody before opt-in', async () => {
    await stack.visit('article.html');
    const state = await stack.ui({ type: 'get-state' });
    expect(state.consent.optedIn).toBe(false);
    expect(state.collectedToday).toBe(0);
    expect((await stack.storedBundles())).toHaveLength(0);
  });

  it('opts in through the real popup and collects a visit', async () => {
    await stack.optIn();
    await stack.visit('article.html', 2500);
    await expect.poll(async () => (await stack.ui({ type: 'get-state' })).collectedToday, { timeout: 30_000 }).toBe(1);
  });

  it('sends a bundle the collector verified, decrypted and credited, with no planted PII in it', async () => {
    await stack.ui({ type: 'flush' });
    await expect.poll(async () => (await stack.ui({ type: 'get-state' })).bundles.accepted, { timeout: 120_000 }).toBe(1);
    const bundles = (await stack.storedBundles());
    expect(bundles).toHaveLength(1);
    const [{ plaintext, signatureValid, envelope }] = bundles as [(typeof bundles)[number]];
    expect(signatureValid).toBe(true);
    expect(plaintext.devicePub).toBe(envelope.devicePub);
    expect(plaintext.signals).toHaveLength(1);
    const signal = plaintext.signals[0]!;
    expect(signal.origin).toBe(stack.pages.origin);
    expect(signal.title).toContain('beekeeping');
    // The page declares no language: the browser's detector read it from the text.
    expect(signal.lang).toBe('en');
    const sent = JSON.stringify(plaintext);
    for (const pii of PLANTED) expect(sent).not.toContain(pii);
    // Form fields are never read.
    expect(sent).not.toContain('secret search');
    expect(signal.text).toContain('[EMAIL]');
    expect(signal.text).toContain('[PHONE]');
    expect(signal.text).toContain('[CARD]');
    // The model stage ran, with the models the build shipped.
    expect(signal.models).toEqual({ embed: manifest.models.embed.id, ner: manifest.models.ner.id });
    // Binary on the wire (int8 + scale), decoded to the model's dimensions.
    const embedding = decodeVectorB64(signal.embedding);
    expect(embedding).toHaveLength(manifest.models.embed.dim);
    const norm = Math.hypot(...embedding);
    expect(norm).toBeGreaterThan(0.99);
    expect(norm).toBeLessThan(1.01);
    expect(signal.dwellMs).toBeGreaterThan(1000);
    expect(signal.scrollDepth).toBeGreaterThan(0);
  });

  it('shows the collector’s credit in the popup and the sent text in the dashboard', async () => {
    await expect.poll(async () => (await stack.ui({ type: 'get-state' })).balance?.balance, { timeout: 30_000 }).toBe(1);
    await stack.popup.reload();
    await expect.poll(() => stack.popup.textContent('[data-testid=balance]'), { timeout: 30_000 }).toContain('1');
    const { items } = await stack.items();
    const sent = items.find((i) => i.status === 'sent');
    const stored = (await stack.storedBundles())[0]!.plaintext.signals[0]!;
    expect(sent?.redacted?.text).toBe(stored.text);
  });

  it('proves the sent bundle is in the signed transparency log, and absent after deletion', async () => {
    const dashboard = await stack.browser.openExtensionPage('dashboard.html#items');
    const inclusionOf = async () => {
      await dashboard.click('[data-testid=verify-dataset]');
      const { items } = await stack.items();
      return items.find((i) => i.status === 'sent')?.inclusion?.state;
    };
    await expect.poll(inclusionOf, { timeout: 30_000, interval: 1500 }).toBe('included');
    await expect.poll(() => dashboard.getAttribute('[data-testid=inclusion]', 'data-state'), { timeout: 30_000 }).toBe('included');

    const { items } = await stack.items();
    const sent = items.find((i) => i.status === 'sent')!;
    await stack.ui({ type: 'delete', scope: { kind: 'items', ids: [sent.id] } });
    const absent = async () => {
      await stack.ui({ type: 'verify-dataset' });
      return (await stack.items()).inclusion[sent.bundleId!]?.state;
    };
    await expect.poll(absent, { timeout: 30_000, interval: 1500 }).toBe('absent');
  });
});
