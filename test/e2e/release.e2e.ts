// release: three devices read the same two pages in real Chromium, under a community whose policy
// (CommonsPolicy on a local anvil chain) sets the minimum k to 2; `npm run release` cuts a release; a
// separate IPFS node process (`npm run ipfs-node`) fetches it by CID and `npm run verify` against that
// node passes. One device then deletes an item in its dashboard: the next release leaves that record
// out and verifies, and the first is marked superseded, also when read from the other node's copy.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClaimPage } from '../../collector/src/routes/claim-page';
import { ensureGovernancePage } from '../../collector/src/routes/governance-page';
import { startCommunityChain, type CommunityChain } from '../../collector/test/reward-chain';
import { releasesRoute } from '../../utils/collector-api/releases';
import { decodeCbor, decodeJson, manifestSchema } from '../../utils/release/format';
import type { ItemsReply } from '../../utils/protocol/ui';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { ROOT } from './harness/build-extension';
import { contribute, deviceOn, type Device } from './harness/device';
import { startStack, type Stack } from './harness/stack';

const K = 2;
const PAGES = ['astronomy.html', 'cycling.html'];

/** An npm script as a user runs it; its exit code and what it printed. */
async function npmRun(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return promisify(execFile)('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env: { ...process.env, ...env } }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

const cutSchema = z.object({ manifestCid: z.string(), seq: z.number(), records: z.number(), recordsLeft: z.number(), cut: z.boolean() });

describe('release: contributions from several devices → a verified release on a second IPFS node → a deletion supersedes it', () => {
  let chain: CommunityChain;
  let stack: Stack;
  let outDir: string;
  const others: ExtensionBrowser[] = [];
  const devices: Device[] = [];
  let ipfsNode: ChildProcess | undefined;
  const nodeDir = mkdtempSync(path.join(tmpdir(), 'tributary-ipfs-node-'));

  beforeAll(async () => {
    chain = await startCommunityChain({ minK: K });
    // Built here once so the collector's start does not wait on vite.
    await Promise.all([ensureClaimPage(), ensureGovernancePage()]);
    outDir = mkdtempSync(path.join(tmpdir(), 'tributary-ext-'));
    stack = await startStack({ outDir, env: chain.collectorEnv });
    devices.push(deviceOn(stack.browser, stack.popup));
    for (let i = 0; i < 2; i++) {
      const browser = await launchWithExtension(path.join(outDir, 'chrome-mv3'));
      others.push(browser);
      devices.push(deviceOn(browser, await browser.openExtensionPage('popup.html')));
    }
  });

  afterAll(async () => {
    if (ipfsNode?.exitCode === null && ipfsNode.signalCode === null) {
      process.kill(-ipfsNode.pid!, 'SIGTERM');
      await once(ipfsNode, 'exit');
    }
    for (const b of others) await b.close().catch(() => undefined);
    await stack?.close();
    await chain?.stop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
    rmSync(nodeDir, { recursive: true, force: true });
  });

  /** `npm run release` on the collector's store, with the collector's environment (so the policy on the chain). */
  async function cutRelease() {
    const run = await npmRun('release', [], {
      ...chain.collectorEnv,
      COLLECTOR_DATA_DIR: stack.collectorDir,
      COLLECTOR_KEYRING_DIR: path.join(stack.collectorDir, 'keyring'),
    });
    expect(run.code, run.out).toBe(0);
    return cutSchema.parse(JSON.parse(run.out.trim().split('\n').at(-1)!));
  }

  const verify = (cid: string, gateway: string) =>
    npmRun('verify', [cid, '--gateway', gateway, '--collector', stack.collector.baseUrl, '--min-k', String(K)]);

  const block = async (gateway: string, cid: { toString(): string }) => new Uint8Array(await (await fetch(`${gateway}/ipfs/${cid}`)).arrayBuffer());

  const signalRows = () => {
    const db = stack.collectorDb();
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM signals').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  let first: z.infer<typeof cutSchema>;
  let secondNode: string;

  it('three devices read the same two pages and send them', async () => {
    // Three profiles at once: collecting takes longer than one profile's 60 s on a loaded machine.
    await Promise.all(devices.map((device) => contribute(device, PAGES.map((page) => stack.pages.url(page)), { collectTimeoutMs: 120_000 })));
    expect(signalRows()).toBe(devices.length * PAGES.length);
  });

  it('npm run release cuts a release under the community k; a second IPFS node process fetches it by CID; npm run verify on that copy passes', async () => {
    // Both pages' topics come from three devices, at or over the policy's k of 2.
    first = await cutRelease();
    expect(first).toMatchObject({ seq: 1, records: 6, recordsLeft: 0, cut: true });
    const collector = stack.collector.baseUrl;
    const manifest = manifestSchema.parse(decodeCbor(await block(collector, first.manifestCid)));
    expect(manifest.k).toBe(K);
    expect(Object.values(manifest.topics).map(({ records, devices: n }) => ({ records, devices: n }))).toEqual([
      { records: 3, devices: 3 },
      { records: 3, devices: 3 },
    ]);
    expect(manifest.model?.labels).toEqual(['t0', 't1']);

    // Its own process and block store; it fetches from the collector's trustless gateway, checking every block.
    ipfsNode = spawn('npm', ['run', '--silent', 'ipfs-node', '--', '--from', collector, '--pin', first.manifestCid, '--dir', nodeDir], {
      cwd: ROOT,
      detached: true, // its own process group: npm, tsx and the node stop together
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(createInterface({ input: ipfsNode.stdout! }), 'line')) as [string];
    const second = z.object({ address: z.url(), pinned: z.array(z.string()) }).parse(JSON.parse(line));
    expect(second.pinned).toEqual([first.manifestCid]);
    expect(second.address).not.toBe(collector);
    secondNode = second.address;

    const verified = await verify(first.manifestCid, secondNode);
    expect(verified.out).toContain(`records 6, topics 2, k ${K}`);
    expect(verified.out).toMatch(/manifest in the signed transparency log at epoch \d+/);
    expect(verified.out).toContain('community model: 2 topics');
    expect(verified.out).toContain('status: current');
    expect(verified.code, verified.out).toBe(0);
  });

  it('after a deletion in the dashboard, the next release leaves the record out and verifies; the first is superseded', async () => {
    const collector = stack.collector.baseUrl;
    const device = devices[0]!;
    const { items } = await device.ui<ItemsReply>({ type: 'list-items' });
    const cycling = items.filter((i) => (i.redacted?.title ?? i.raw?.title ?? '').includes('bicycle'));
    expect(cycling).toHaveLength(1);
    expect(cycling[0]!.status).toBe('sent');
    const dashboard = await device.browser.openExtensionPage('dashboard.html');
    await dashboard.click('[data-testid=tab-items]');
    const card = dashboard.locator(`[data-testid=item][data-item-id="${cycling[0]!.id}"]`);
    await card.locator('[data-testid=item-delete]').click();
    await card.waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(signalRows, { timeout: 30_000 }).toBe(devices.length * PAGES.length - 1);

    const next = await cutRelease();
    expect(next).toMatchObject({ seq: 2, records: 5, recordsLeft: 1, cut: true });
    const nextManifest = manifestSchema.parse(decodeCbor(await block(collector, next.manifestCid)));
    expect(nextManifest.parent?.toString()).toBe(first.manifestCid);
    expect(Object.values(nextManifest.topics).map(({ records, devices: n }) => ({ records, devices: n }))).toEqual([
      { records: 3, devices: 3 },
      { records: 2, devices: 2 },
    ]);
    expect(decodeJson(await block(collector, nextManifest.diversity))).toMatchObject({
      sinceParent: { parent: first.manifestCid, recordsLeft: 1, recordsAdded: 0 },
    });
    const verifiedNext = await verify(next.manifestCid, collector);
    expect(verifiedNext.out).toContain(`records 5, topics 2, k ${K}`);
    expect(verifiedNext.out).toContain('status: current');
    expect(verifiedNext.code, verifiedNext.out).toBe(0);

    // Superseded, never edited: the second node still serves the first release, and verify says it is out of date.
    const { releases } = releasesRoute.schema.response[200].parse(await (await fetch(`${collector}${releasesRoute.url}`)).json());
    expect(releases.map((r) => [r.manifestCid, r.supersededBy])).toEqual([
      [next.manifestCid, null],
      [first.manifestCid, next.manifestCid],
    ]);
    const old = await verify(first.manifestCid, secondNode);
    expect(old.out).toContain(`status: superseded by ${next.manifestCid}`);
    expect(old.code).toBe(1);
  });
});
