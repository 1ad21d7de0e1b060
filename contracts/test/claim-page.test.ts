// The built claim page in real Chromium, served by the real collector (reward chain on anvil): it
// takes the tokens the dashboard hands it in the URL's fragment, redeems them in one batch to a typed
// fresh address, forgets them once redeemed, and shows the collector's own reason when it refuses.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseUnits, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRewardChain, type RewardChain } from '../../collector/test/reward-chain';
import { contribute } from '../../collector/test/rewards-support';
import { movableClock, obtainTokens } from '../../collector/test/tokens-support';
import { loadConfig } from '../../collector/src/config';
import { buildServer } from '../../collector/src/server';
import { makeSignal } from '../../test/unit/wire/fixtures';
import { generateDeviceKeyPair } from '../../utils/wire/index';
import { handOverUrl } from '../../utils/tokens/hand-over';
import type { RewardToken } from '../../utils/wire/reward-tokens';
import { rewardTokenAbi } from '../artifacts/RewardToken';
import { buildClaimPage } from '../claim-page/build';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EPOCH_MS = 3_600_000;

describe.skipIf(!existsSync(CHROMIUM))('claim page in Chromium, against the collector', () => {
  let chain: RewardChain;
  let browser: Browser;
  let collector: FastifyInstance;
  let origin: string;
  let dataDir: string;
  let distDir: string;
  const clock = movableClock(EPOCH_MS);

  beforeAll(async () => {
    chain = await startRewardChain();
    distDir = await buildClaimPage({ outDir: mkdtempSync(join(tmpdir(), 'claim-page-')) });
    dataDir = mkdtempSync(join(tmpdir(), 'claim-page-collector-'));
    const config = loadConfig({ COLLECTOR_DATA_DIR: dataDir, COLLECTOR_LOG_LEVEL: 'silent', COLLECTOR_TOKEN_EPOCH_MS: String(EPOCH_MS), ...chain.collectorEnv });
    collector = buildServer(config, { claimPageDir: distDir, now: clock.now });
    origin = (await collector.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await collector?.close();
    await chain?.stop();
    for (const dir of [distDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The claim page as the dashboard opens it: the tokens in the URL's fragment. */
  async function claimPageWith(tokens: RewardToken[]): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(handOverUrl(origin, tokens));
    await page.waitForSelector('section[data-state="ready"]');
    return page;
  }

  it('redeems every token in one batch to a typed fresh address, keeping nothing of them in its URL', async () => {
    const device = generateDeviceKeyPair();
    await contribute(collector, device, Array.from({ length: 5 }, () => makeSignal()), clock.now());
    const tokens = await obtainTokens(collector, device, 5, clock.now());
    clock.closeEpoch();
    const wallet = privateKeyToAccount(generatePrivateKey()).address;

    const page = await claimPageWith(tokens);
    // The fragment is gone from the address bar (and so from history) at once.
    expect(page.url()).toBe(`${origin}/claim/`);
    expect(await page.getByTestId('tokens-offered').textContent()).toContain('5 TRIB');
    await page.getByLabel('Pay to address:').fill(wallet);
    await page.getByRole('button', { name: 'Redeem 5 TRIB' }).click();
    await page.waitForSelector('section[data-state="confirmed"]', { timeout: 60_000 });

    const txHash = (await page.getByTestId('tx').textContent()) as Hex;
    expect((await chain.publicClient.getTransactionReceipt({ hash: txHash })).status).toBe('success');
    expect(await chain.publicClient.readContract({ address: chain.token, abi: rewardTokenAbi, functionName: 'balanceOf', args: [wallet] })).toBe(parseUnits('5', 18));
    // Redeemed tokens are forgotten: the page opened again has none.
    await page.goto(`${origin}/claim/`);
    await page.waitForSelector('section[data-state="no-tokens"]');

    // The same tokens again: the collector's own reason, nothing paid.
    const again = await claimPageWith(tokens);
    await again.getByLabel('Pay to address:').fill(privateKeyToAccount(generatePrivateKey()).address);
    await again.getByRole('button', { name: 'Redeem 5 TRIB' }).click();
    await again.waitForSelector('section[data-state="error"]');
    const shown = await again.getByRole('alert').textContent();
    expect(shown).toContain('a token in this batch was already redeemed; nothing was paid');
    expect(shown).not.toMatch(/HTTP \d{3}/);
  }, 120_000);

  it('refuses what is not an address before asking the collector', async () => {
    const device = generateDeviceKeyPair();
    await contribute(collector, device, [makeSignal()], clock.now());
    const tokens = await obtainTokens(collector, device, 1, clock.now());
    clock.closeEpoch();
    const page = await claimPageWith(tokens);
    await page.getByLabel('Pay to address:').fill('0x1234');
    await page.getByRole('button', { name: 'Redeem 1 TRIB' }).click();
    await page.waitForSelector('section[data-state="error"]');
    expect(await page.getByRole('alert').textContent()).toContain('That is not an Ethereum address.');
    // Not redeemed: the page keeps the tokens for the next try.
    await page.goto(`${origin}/claim/`);
    await page.waitForSelector('section[data-state="ready"]');
  }, 120_000);

  it('says where to open it from when it was handed no tokens', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/claim/`);
    await page.waitForSelector('section[data-state="no-tokens"]');
    expect(await page.locator('section').textContent()).toContain('Open it with the Redeem button');
  });
});
