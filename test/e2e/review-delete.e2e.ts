import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectorKeysResponseSchema, verifyReceipt } from '../../utils/wire';
import { startStack, type Stack } from './harness/stack';

describe('review and delete: held items stay on the device, deletions reach the collector with a signed receipt', () => {
  let stack: Stack;
  let dashboard: Page;
  beforeAll(async () => {
    stack = await startStack();
    await stack.optIn();
    dashboard = await stack.browser.openExtensionPage('dashboard.html');
  });
  afterAll(async () => {
    await stack?.close();
  });

  const state = () => stack.ui({ type: 'get-state' });
  const itemCard = (id: string) => dashboard.locator(`[data-testid=item][data-item-id="${id}"]`);

  function collectorRows(sql: string, ...params: unknown[]): unknown[] {
    const database = stack.collectorDb();
    try {
      return database.prepare(sql).all(...params);
    } finally {
      database.close();
    }
  }

  async function openTab(id: 'items' | 'settings' | 'deletions') {
    await dashboard.bringToFront();
    await dashboard.click(`[data-testid=tab-${id}]`);
  }

  /** The id of the one item whose (anonymized) title mentions `word`. */
  async function itemAbout(word: string): Promise<string> {
    const { items } = await stack.items();
    const found = items.filter((i) => (i.redacted?.title ?? i.raw?.title ?? '').includes(word));
    expect(found).toHaveLength(1);
    return found[0]!.id;
  }

  let approvedId = '';

  it('review: with review before sending on, visits are held; a dropped one never reaches the collector, an approved one does', async () => {
    await openTab('settings');
    // A controlled checkbox: it shows the new state once the background has it.
    await dashboard.click('[data-testid=review-mode]');
    await expect.poll(async () => (await state()).consent.reviewBeforeSending, { timeout: 30_000 }).toBe(true);

    await stack.visit('recipes.html', 2000);
    await stack.visit('chess.html', 2000);
    await expect.poll(async () => (await state()).items.held, { timeout: 60_000 }).toBe(2);
    const droppedId = await itemAbout('chess');
    approvedId = await itemAbout('bean stew');

    await openTab('items');
    await dashboard.reload();
    await itemCard(droppedId).locator('[data-testid=item-delete]').click();
    await expect.poll(async () => (await stack.items()).items.map((i) => i.id), { timeout: 30_000 }).toEqual([approvedId]);

    // Held means held: even "send now" leaves it on the device.
    await stack.ui({ type: 'flush' });
    expect((await state()).bundles).toEqual({ pending: 0, accepted: 0 });
    expect((await stack.storedBundles())).toHaveLength(0);
    expect(collectorRows('SELECT id FROM signals')).toHaveLength(0);

    await itemCard(approvedId).locator('[data-testid=item-approve]').click();
    await expect
      .poll(async () => (await stack.sendNow()).bundles.accepted, { timeout: 60_000, interval: 1000 })
      .toBe(1);
    const stored = (await stack.storedBundles());
    expect(stored).toHaveLength(1);
    expect(stored[0]!.plaintext.signals.map((s) => s.id)).toEqual([approvedId]);
    expect(collectorRows('SELECT id FROM signals')).toEqual([{ id: approvedId }]);
    expect(collectorRows('SELECT id FROM signals WHERE id = ?', droppedId)).toHaveLength(0);
    expect(JSON.stringify(stored[0]!.plaintext)).not.toMatch(/chess/i);
  });

  it('delete: a sent item deleted in the dashboard is gone from the collector, and the dashboard’s receipt verifies against the collector’s key', async () => {
    const { items } = await stack.items();
    const sent = items.find((i) => i.id === approvedId);
    expect(sent?.status).toBe('sent');
    const bundleId = sent!.bundleId!;
    expect(collectorRows('SELECT bundle_id FROM bundles WHERE bundle_id = ? AND deleted_at IS NULL', bundleId)).toHaveLength(1);

    await openTab('items');
    await dashboard.reload();
    const card = itemCard(approvedId);
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 30_000 }).toBe('sent');
    await card.locator('[data-testid=item-delete]').click();
    await card.waitFor({ state: 'detached', timeout: 30_000 });

    expect(collectorRows('SELECT id FROM signals WHERE id = ?', approvedId)).toHaveLength(0);
    expect(collectorRows('SELECT bundle_id FROM bundles WHERE deleted_at IS NULL')).toHaveLength(0);
    expect((await stack.storedBundles())).toHaveLength(0);

    // The receipt as the dashboard shows it, checked offline against the key the collector publishes.
    await openTab('deletions');
    const receiptView = dashboard.locator('[data-testid=receipt][data-kind=deletion]');
    await expect.poll(() => receiptView.count(), { timeout: 30_000 }).toBe(1);
    const receipt: unknown = JSON.parse((await receiptView.locator('pre').textContent()) ?? 'null');
    const keys = collectorKeysResponseSchema.parse(await (await fetch(`${stack.collector.baseUrl}/v1/keys`)).json());
    expect(verifyReceipt(receipt, keys.receipt.publicKey)).toBe(true);
    expect(receipt).toMatchObject({ deleted: [approvedId], deletedBundles: [bundleId], devicePub: (await state()).devicePub });
    // The bundle's key at rest went with it, so a backup of the collector holding the bundle no longer opens it.
    expect(receipt).toMatchObject({ destroyedKeys: [{ kind: 'bundle', keyId: expect.stringMatching(/^[0-9a-f]{16}$/) }] });
    // A receipt altered after signing does not verify.
    expect(verifyReceipt({ ...(receipt as object), deleted: [] }, keys.receipt.publicKey)).toBe(false);
    expect((await stack.items()).deletions[0]!.receipt).toEqual(receipt);
  });

  it('delete everything: leaving removes everything at the collector and on the device, the device key included', async () => {
    await openTab('settings');
    await dashboard.click('[data-testid=review-mode]');
    await expect.poll(async () => (await state()).consent.reviewBeforeSending, { timeout: 30_000 }).toBe(false);
    await stack.visit('cycling.html', 2000);
    await stack.visit('astronomy.html', 2000);
    await expect
      .poll(async () => (await stack.sendNow()).items.sent, { timeout: 60_000, interval: 1000 })
      .toBe(2);
    const devicePub = (await state()).devicePub!;
    expect(devicePub).toMatch(/^[0-9a-f]{64}$/);
    expect(collectorRows('SELECT id FROM signals WHERE device_pub = ?', devicePub)).toHaveLength(2);
    expect((await stack.storedBundles()).length).toBeGreaterThan(0);

    await openTab('settings');
    await dashboard.click('[data-testid=leave]');
    await dashboard.fill('[data-testid=confirm-input]', 'DELETE');
    await dashboard.click('[data-testid=confirm-delete]');
    await expect.poll(async () => (await state()).devicePub, { timeout: 30_000 }).toBeNull();

    const after = await state();
    expect(after.consent.optedIn).toBe(false);
    expect(after.bundles).toEqual({ pending: 0, accepted: 0 });
    const local = await stack.items();
    expect(local.items).toHaveLength(0);
    expect(local.deletions).toHaveLength(0);

    expect(collectorRows('SELECT id FROM signals WHERE device_pub = ?', devicePub)).toHaveLength(0);
    expect(collectorRows('SELECT bundle_id FROM bundles WHERE deleted_at IS NULL OR receipt_json IS NOT NULL')).toHaveLength(0);
    expect((await stack.storedBundles())).toHaveLength(0);
    // The unclaimed reward goes with the data.
    expect(collectorRows('SELECT SUM(amount) AS s FROM ledger WHERE device_pub = ?', devicePub)).toEqual([{ s: 0 }]);
  });
});
