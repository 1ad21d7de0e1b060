import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { startStack, type Stack } from './harness/stack';

const MARKER = '__tributaryTestMarker';

describe('reliability: the outbox survives a stopped service worker and a collector outage', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    await stack.optIn();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const state = () => stack.ui({ type: 'get-state' });
  const extensionWorker = (): Worker | undefined =>
    stack.browser.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${stack.browser.extensionId}/`)).at(-1);

  function collectorCounts() {
    const database = stack.collectorDb();
    try {
      const one = <T>(sql: string) => database.prepare(sql).get() as T;
      return {
        bundles: one<{ n: number }>('SELECT COUNT(*) AS n FROM bundles').n,
        signals: one<{ n: number }>('SELECT COUNT(*) AS n FROM signals').n,
        credits: one<{ n: number }>("SELECT COUNT(*) AS n FROM ledger WHERE kind = 'credit'").n,
        creditedBundles: one<{ n: number }>("SELECT COUNT(DISTINCT bundle_id) AS n FROM ledger WHERE kind = 'credit'").n,
        ledgerSum: one<{ s: number | null }>('SELECT SUM(amount) AS s FROM ledger').s ?? 0,
      };
    } finally {
      database.close();
    }
  }

  /** Flushes until the queue is empty: a bundle in backoff waits out its delay, as it would for a user. */
  async function drainQueue(accepted: number) {
    await expect
      .poll(async () => (await stack.sendNow()).bundles, { timeout: 120_000, interval: 2000 })
      .toEqual({ pending: 0, accepted });
  }

  /** One page visit, anonymized and sealed into a bundle that the (down) collector cannot take. */
  async function pendingBundleWhileCollectorDown(page: string, pending: number) {
    // Each test reads a different page: the collector credits repeated content only once.
    await stack.visit(page, 2500);
    await expect.poll(async () => (await state()).items.ready, { timeout: 60_000 }).toBe(1);
    await stack.ui({ type: 'flush' });
    await expect.poll(async () => (await state()).bundles.pending, { timeout: 30_000 }).toBe(pending);
  }

  it('a bundle pending when the service worker is stopped is stored exactly once after the collector and the worker come back', async () => {
    await stack.stopCollector();
    await pendingBundleWhileCollectorDown('recipes.html', 1);
    expect((await state()).collector.reachable).toBe(false);

    const before = extensionWorker();
    expect(before).toBeDefined();
    await before!.evaluate((m) => Reflect.set(globalThis, m, true), MARKER);
    await stack.stopExtensionWorker();
    await stack.restartCollector();

    // The popup's next request wakes the worker: a fresh global, with the queue read back from IndexedDB.
    await drainQueue(1);
    const after = extensionWorker();
    expect(after).toBeDefined();
    expect(await after!.evaluate((m) => Reflect.get(globalThis, m) ?? null, MARKER)).toBeNull();

    const counts = collectorCounts();
    expect(counts.bundles).toBe(1);
    expect(counts.signals).toBe(1);
    expect(counts.credits).toBe(1);
    expect((await stack.storedBundles()).map((b) => b.signatureValid)).toEqual([true]);
  });

  it('with the collector down the popup shows it unreachable; an acknowledgement lost in a crash is retried and credited once', async () => {
    await stack.stopCollector();
    await pendingBundleWhileCollectorDown('astronomy.html', 1);
    await stack.popup.reload();
    await stack.popup.waitForSelector('[data-testid=collector-status][data-reachable=false]', { timeout: 30_000 });

    // Back, but it dies right after committing the bundle and before it answers: the device
    // never gets a receipt and must send the same bundle again.
    const crashing = await stack.restartCollector({ COLLECTOR_FAILPOINT_KILL_AFTER_COMMITS: '1' });
    await expect
      .poll(
        async () => {
          await stack.ui({ type: 'flush' });
          return collectorCounts().bundles;
        },
        { timeout: 120_000, interval: 2000 },
      )
      .toBe(2);
    await crashing.exited;
    expect((await state()).bundles.pending).toBe(1);

    await stack.restartCollector();
    await drainQueue(2);
    await stack.popup.waitForSelector('[data-testid=collector-status][data-reachable=true]', { timeout: 30_000 });

    const counts = collectorCounts();
    expect(counts.bundles).toBe(2);
    expect(counts.signals).toBe(2);
    expect(counts.credits).toBe(2);
    expect(counts.creditedBundles).toBe(2);
    expect(counts.ledgerSum).toBe(counts.signals);
    await expect.poll(async () => (await state()).balance?.balance, { timeout: 30_000 }).toBe(counts.ledgerSum);
  });

  it('deleting an item whose bundle reached the collector without an acknowledgement deletes it at the collector too', async () => {
    await stack.visit('chess.html', 2500);
    await expect.poll(async () => (await state()).items.ready, { timeout: 60_000 }).toBe(1);
    const id = (await stack.items()).items.find((i) => i.status === 'ready')!.id;
    const storedAtCollector = () => {
      const database = stack.collectorDb();
      try {
        return database.prepare('SELECT id FROM signals WHERE id = ?').all(id).length;
      } finally {
        database.close();
      }
    };

    const crashing = await stack.restartCollector({ COLLECTOR_FAILPOINT_KILL_AFTER_COMMITS: '1' });
    await expect
      .poll(
        async () => {
          await stack.ui({ type: 'flush' });
          return storedAtCollector();
        },
        { timeout: 60_000, interval: 2000 },
      )
      .toBe(1);
    await crashing.exited;
    // Stored there, still queued here: the device cannot know whether its bundle arrived.
    expect((await stack.items()).items.find((i) => i.id === id)?.status).toBe('queued');

    await stack.restartCollector();
    await stack.ui({ type: 'delete', scope: { kind: 'items', ids: [id] } });
    expect((await stack.items()).items.map((i) => i.id)).not.toContain(id);
    expect(storedAtCollector()).toBe(0);
  });
});
