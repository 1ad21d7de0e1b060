// unlinkable: two devices contribute in real Chromium, each obtains blind reward tokens for what the
// collector credited it, and redeems them on the claim page (nothing in the URL the collector sees)
// to a fresh wallet with no ether; the chain pays exactly the credited totals, and redeeming any of
// the tokens again is refused with nothing paid.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Address, PublicClient } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewardTokenAbi } from '../../contracts/artifacts/RewardToken';
import { ensureClaimPage } from '../../collector/src/routes/claim-page';
import { startRewardChain, type RewardChain } from '../../collector/test/reward-chain';
import type { RedeemableTokensReply } from '../../utils/protocol/ui';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser';
import { contribute, deviceOn, type Device } from './harness/device';
import { startStack, type Stack } from './harness/stack';

const TOKEN = 10n ** 18n;
/** Short epochs: the test waits for the epoch its tokens are in to close. */
const EPOCH_MS = 30_000;

describe('unlinkable: blind reward tokens from two devices, redeemed on the claim page', () => {
  let chain: RewardChain;
  let stack: Stack;
  let outDir: string;
  let second: ExtensionBrowser;
  let publicClient: PublicClient;
  const devices: Device[] = [];

  beforeAll(async () => {
    chain = await startRewardChain();
    publicClient = chain.publicClient;
    await ensureClaimPage();
    outDir = mkdtempSync(path.join(tmpdir(), 'tributary-ext-'));
    stack = await startStack({ outDir, env: { ...chain.collectorEnv, COLLECTOR_TOKEN_EPOCH_MS: String(EPOCH_MS) } });
    second = await launchWithExtension(path.join(outDir, 'chrome-mv3'));
    devices.push(deviceOn(stack.browser, stack.popup), deviceOn(second, await second.openExtensionPage('popup.html')));
  });

  afterAll(async () => {
    await second?.close().catch(() => undefined);
    await stack?.close();
    await chain?.stop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  const ledgerUnits = (devicePub: string) =>
    (stack.collectorDb().prepare('SELECT COALESCE(SUM(amount), 0) AS units FROM ledger WHERE device_pub = ?').get(devicePub) as { units: number }).units;
  const balanceOf = (wallet: Address) => publicClient.readContract({ address: chain.token, abi: rewardTokenAbi, functionName: 'balanceOf', args: [wallet] });

  it('pays each fresh wallet exactly what its device was credited, and refuses a second redemption', async () => {
    await contribute(devices[0]!, [stack.pages.url('article.html'), stack.pages.url('astronomy.html')]);
    await contribute(devices[1]!, [stack.pages.url('article.html')]);

    for (const device of devices) {
      const { devicePub } = await device.ui({ type: 'get-state' });
      const credited = ledgerUnits(devicePub!);
      expect(credited).toBeGreaterThan(0);
      // The tokens are obtained after the bundle's receipt (a pass of the engine), kept in IndexedDB,
      // and still there after the service worker was stopped.
      await expect
        .poll(async () => (await device.ui({ type: 'flush' })).tokens.units, { timeout: 120_000, interval: 2_000 })
        .toBe(credited);
    }
    await stack.stopExtensionWorker();
    expect((await devices[0]!.ui({ type: 'get-state' })).tokens.units).toBe(ledgerUnits((await devices[0]!.ui({ type: 'get-state' })).devicePub!));

    for (const device of devices) {
      const state = await device.ui({ type: 'get-state' });
      const credited = ledgerUnits(state.devicePub!);
      // Redeemable once the epoch has closed; the dashboard shows count, worth and the epoch's anonymity set.
      await expect.poll(async () => (await device.ui({ type: 'get-state' })).tokens.redeemable.units, { timeout: 2 * EPOCH_MS + 30_000 }).toBe(credited);
      const tokens = (await device.ui<RedeemableTokensReply>({ type: 'redeemable-tokens' })).tokens;
      const dashboard = await device.browser.openExtensionPage('dashboard.html#rewards');
      await expect.poll(() => dashboard.getByTestId('tokens-held').textContent(), { timeout: 30_000 }).toBe(`${tokens.length} tokens, worth ${credited} TRIB`);
      const sets = await dashboard.getByTestId('anonymity-set').allTextContents();
      expect(sets.every((s) => Number(s) >= 1)).toBe(true);

      const wallet = privateKeyToAccount(generatePrivateKey()).address;
      expect(await publicClient.getBalance({ address: wallet })).toBe(0n);
      const [claim] = await Promise.all([device.browser.context.waitForEvent('page'), dashboard.getByTestId('redeem-tokens').click()]);
      await claim.waitForSelector('section[data-state="ready"]', { timeout: 30_000 });
      // The tokens travelled in the fragment, which the page removed; the device handed them over and forgot them.
      expect(claim.url()).toBe(`${stack.collector.baseUrl}/claim/`);
      await expect.poll(async () => (await device.ui({ type: 'get-state' })).tokens.count, { timeout: 30_000 }).toBe(0);
      await claim.getByLabel('Pay to address:').fill(wallet);
      await claim.getByRole('button', { name: `Redeem ${credited} TRIB` }).click();
      await claim.waitForSelector('section[data-state="confirmed"]', { timeout: 60_000 });
      expect(await balanceOf(wallet)).toBe(BigInt(credited) * TOKEN);

      const again = await fetch(`${stack.collector.baseUrl}/v1/tokens/redeem`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ wallet: privateKeyToAccount(generatePrivateKey()).address, tokens: [tokens[0]] }),
      });
      expect(again.status).toBe(409);
      expect(((await again.json()) as { error: { code: string } }).error.code).toBe('token_spent');
      expect(await balanceOf(wallet)).toBe(BigInt(credited) * TOKEN);
    }
  });
});
