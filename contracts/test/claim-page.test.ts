// End to end: the built claim page in real Chromium, served by the real collector (with a reward
// chain on anvil), a link made by the extension's own code, and a scripted EIP-1193 wallet backed
// by anvil's unlocked dev accounts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseUnits, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRewardChain, type RewardChain } from '../../collector/test/reward-chain';
import { contribute } from '../../collector/test/rewards-support';
import { loadConfig } from '../../collector/src/config';
import { buildServer } from '../../collector/src/server';
import { makeSignal } from '../../test/unit/wire/fixtures';
import { walletLinkUrl } from '../../utils/background/wallet-link';
import { collectorClient } from '../../utils/collector-client/client';
import { encodeVectorB64, generateDeviceKeyPair, signWalletLinkIntent, type DeviceKeyPair } from '../../utils/wire/index';
import { rpcCall } from '../anvil';
import { rewardTokenAbi } from '../artifacts/RewardToken';
import { buildClaimPage } from '../claim-page/build';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REWARD = parseUnits('5', 18);
/** Five distinct signals earn one unit (1 TRIB) each. */
const earningSignals = () =>
  Array.from({ length: 5 }, (_, t) => makeSignal({ embedding: encodeVectorB64(Array.from({ length: 16 }, (_, i) => (i === 0 ? Math.cos(t) : i === 1 ? Math.sin(t) : 0))) }));

/**
 * Injected as window.ethereum: starts on `startChainIdHex` (chain 1 exercises the wrong-chain
 * state), refuses the first personal_sign if told to (the rejected state), and forwards everything
 * else to anvil.
 */
function installWallet({
  wallet,
  anvilChainIdHex,
  startChainIdHex,
  refuseFirstSign,
}: {
  wallet: Address;
  anvilChainIdHex: string;
  startChainIdHex: string;
  refuseFirstSign: boolean;
}): void {
  let chainId = startChainIdHex;
  let refusedOnce = !refuseFirstSign;
  const rpc = (method: string, params: unknown): Promise<unknown> =>
    (window as unknown as { __anvilRpc: (m: string, p: unknown) => Promise<unknown> }).__anvilRpc(method, params);
  (window as unknown as { ethereum: unknown }).ethereum = {
    async request({ method, params }: { method: string; params?: unknown[] }): Promise<unknown> {
      switch (method) {
        case 'eth_requestAccounts':
        case 'eth_accounts':
          return [wallet];
        case 'eth_chainId':
          return chainId;
        case 'wallet_switchEthereumChain': {
          const target = (params?.[0] as { chainId: string }).chainId;
          if (target !== anvilChainIdHex) throw Object.assign(new Error('Unrecognized chain'), { code: 4902 });
          chainId = target;
          return null;
        }
        case 'personal_sign':
          if (!refusedOnce) {
            refusedOnce = true;
            throw Object.assign(new Error('User rejected the request.'), { code: 4001 });
          }
          return rpc(method, params ?? []);
        default:
          return rpc(method, params ?? []);
      }
    },
  };
}


const stateOf = (page: Page) => page.locator('section[data-state]').getAttribute('data-state');

describe.skipIf(!existsSync(CHROMIUM))('claim page in Chromium, against the collector', () => {
  let chain: RewardChain;
  let browser: Browser;
  let collector: FastifyInstance;
  let origin: string;
  let dataDir: string;
  let distDir: string;

  beforeAll(async () => {
    chain = await startRewardChain();
    distDir = await buildClaimPage({ outDir: mkdtempSync(join(tmpdir(), 'claim-page-')) });
    dataDir = mkdtempSync(join(tmpdir(), 'claim-page-collector-'));
    const config = loadConfig({ COLLECTOR_DATA_DIR: dataDir, COLLECTOR_LOG_LEVEL: 'silent', ...chain.collectorEnv });
    collector = buildServer(config, { claimPageDir: distDir });
    // No COLLECTOR_PUBLIC_ORIGIN: the collector names its bound address, which is what the page sees.
    origin = (await collector.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.close();
    await chain?.stop();
    for (const dir of [distDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A page with the scripted wallet of `wallet` installed. */
  async function walletPage(wallet: Address, opts: { startOnChain1: boolean; refuseFirstSign: boolean }): Promise<Page> {
    const page = await browser.newPage();
    await page.exposeFunction('__anvilRpc', (method: string, params: unknown) => rpcCall(chain.anvil.rpcUrl, method, params));
    const anvilChainIdHex = `0x${chain.anvil.chainId.toString(16)}`;
    await page.addInitScript(installWallet, {
      wallet,
      anvilChainIdHex,
      startChainIdHex: opts.startOnChain1 ? '0x1' : anvilChainIdHex,
      refuseFirstSign: opts.refuseFirstSign,
    });
    return page;
  }

  /** The link the extension's dashboard opens, made by the extension's own code. */
  const extensionLink = (device: DeviceKeyPair) =>
    walletLinkUrl(
      collectorClient(origin),
      { publicKey: device.publicKey, withSecret: async (use) => use(device.secretKey) },
      origin,
    );

  const linkedWallet = async (device: DeviceKeyPair) =>
    (await collectorClient(origin).rewards(device.publicKey))?.wallet;

  it('links the wallet, switches chain, survives a rejection, and claims on-chain', async () => {
    const wallet = chain.anvil.accounts[3]?.address;
    if (!wallet) throw new Error('no wallet account');
    const device = generateDeviceKeyPair();
    await contribute(collector, device, earningSignals());
    const page = await walletPage(wallet, { startOnChain1: true, refuseFirstSign: true });

    await page.goto(await extensionLink(device));
    await page.getByRole('button', { name: 'Connect wallet' }).click();

    await page.waitForSelector('section[data-state="wrong-chain"]');
    await page.getByRole('button', { name: 'Switch network' }).click();

    await page.waitForSelector('section[data-state="rejected"]');
    await page.getByRole('button', { name: 'Try again' }).click();

    await page.waitForSelector('section[data-state="linked"]');
    expect(await page.getByTestId('claimable').textContent()).toBe('5 TRIB');
    expect(await linkedWallet(device)).toBe(wallet);

    await page.getByRole('button', { name: 'Claim 5 TRIB' }).click();
    await page.waitForSelector('section[data-state="confirmed"]', { timeout: 30_000 });
    const txHash = (await page.getByTestId('tx').textContent()) as Hex;
    if (process.env.CLAIM_PAGE_SCREENSHOT) await page.screenshot({ path: process.env.CLAIM_PAGE_SCREENSHOT });

    const receipt = await chain.publicClient.getTransactionReceipt({ hash: txHash });
    expect(receipt.status).toBe('success');
    expect(receipt.to?.toLowerCase()).toBe(chain.token.toLowerCase());
    expect(
      await chain.publicClient.readContract({ address: chain.token, abi: rewardTokenAbi, functionName: 'balanceOf', args: [wallet] }),
    ).toBe(REWARD);
    expect(await stateOf(page)).toBe('confirmed');
  });

  it('shows the collector’s own reason when it refuses the link (a nonce it never issued)', async () => {
    const wallet = chain.anvil.accounts[5]?.address;
    if (!wallet) throw new Error('no wallet account');
    const device = generateDeviceKeyPair();
    // Well-formed and signed by the device, but never issued by the collector.
    const nonce = 'neverIssued0123456789';
    const deviceSig = signWalletLinkIntent(device.secretKey, { origin, nonce });
    const page = await walletPage(wallet, { startOnChain1: false, refuseFirstSign: false });

    await page.goto(`${origin}/claim/?${new URLSearchParams({ device: device.publicKey, nonce, deviceSig })}`);
    await page.getByRole('button', { name: 'Connect wallet' }).click();
    await page.waitForSelector('section[data-state="error"]');

    const shown = await page.getByRole('alert').textContent();
    expect(shown).toContain('the nonce is unknown, expired, already used or issued to another device');
    expect(shown).not.toMatch(/HTTP \d{3}/);
    expect(await linkedWallet(device)).toBeNull();
  });

  it('says so when there is no wallet', async () => {
    const page = await browser.newPage();
    await page.goto(await extensionLink(generateDeviceKeyPair()));
    await page.waitForSelector('section[data-state="no-wallet"]');
    expect(await page.locator('section').textContent()).toContain('No Ethereum wallet found');
  });

  it('says so when the link is incomplete', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/claim/?device=${generateDeviceKeyPair().publicKey}`);
    await page.waitForSelector('section[data-state="bad-link"]');
  });
});
