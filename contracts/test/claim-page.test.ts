// End to end: the built claim page in real Chromium, a scripted EIP-1193 wallet backed by anvil's
// unlocked dev accounts, and a minimal stand-in collector that verifies the link exactly as the
// real one should (parseLinkMessage + verifyMessage) and signs vouchers with voucher.ts.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createPublicClient, http, parseUnits, verifyMessage, type Address, type Hex, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpcCall, startAnvil, type AnvilInstance } from '../anvil';
import { rewardTokenAbi } from '../artifacts/RewardToken';
import { CLAIM_API, voucherRequestSchema, walletLinkRequestSchema } from '../claim-api';
import { buildClaimPage } from '../claim-page/build';
import { deployRewardToken } from '../deploy';
import { isLinkMessageFresh, parseLinkMessage } from '../link-message';
import { signVoucher, toSignedVoucherJson, voucherDomain } from '../voucher';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REWARD = parseUnits('5', 18);
const DEVICE_PUB = '7f'.repeat(32);
const NONCE = 'linkNonce42';
const DEVICE_SIG = `0x${'d5'.repeat(64)}`;

interface Link {
  wallet: Address;
  devicePub: string;
  deviceSig: string;
}

/** Just enough collector to drive the page: static files + the four claim endpoints. */
async function startStandInCollector(opts: {
  distDir: string;
  chainId: number;
  contract: Address;
  signerKey: Hex;
  publicClient: PublicClient;
}): Promise<{ origin: string; links: Link[]; close: () => Promise<void> }> {
  const links: Link[] = [];
  const app: FastifyInstance = Fastify();
  let origin = '';

  app.get('/claim/*', async (req, reply) => {
    const rel = normalize((req.params as { '*': string })['*'] || 'index.html');
    const file = join(opts.distDir, rel);
    if (!file.startsWith(opts.distDir) || !existsSync(file)) return reply.code(404).send({ error: 'not found' });
    const type = { '.html': 'text/html', '.js': 'text/javascript' }[extname(file)] ?? 'application/octet-stream';
    return reply.type(type).send(readFileSync(file));
  });
  app.get(CLAIM_API.config, async () => ({ chainId: opts.chainId, contract: opts.contract, chainName: 'Anvil' }));
  app.post(CLAIM_API.link, async (req, reply) => {
    const body = walletLinkRequestSchema.parse(req.body);
    const fields = parseLinkMessage(body.message);
    const valid =
      fields !== null &&
      fields.origin === origin &&
      fields.chainId === opts.chainId &&
      fields.nonce === NONCE &&
      body.nonce === NONCE &&
      fields.devicePub === body.devicePub &&
      fields.wallet === body.wallet &&
      isLinkMessageFresh(fields, new Date()) &&
      (await verifyMessage({ address: body.wallet, message: body.message, signature: body.walletSig }));
    if (!valid) return reply.code(400).send({ error: 'invalid link' });
    links.push({ wallet: body.wallet, devicePub: body.devicePub, deviceSig: body.deviceSig });
    return { linked: true };
  });
  const claimedOnChain = (wallet: Address) =>
    opts.publicClient.readContract({ address: opts.contract, abi: rewardTokenAbi, functionName: 'claimed', args: [wallet] });
  app.get('/v1/rewards/:wallet', async (req) => {
    const wallet = voucherRequestSchema.parse({ wallet: (req.params as { wallet: string }).wallet }).wallet;
    const claimed = await claimedOnChain(wallet);
    const earned = links.some((l) => l.wallet === wallet) ? REWARD : 0n;
    return { claimable: (earned - claimed).toString(), claimed: claimed.toString() };
  });
  app.post(CLAIM_API.voucher, async (req) => {
    const { wallet } = voucherRequestSchema.parse(req.body);
    const block = await opts.publicClient.getBlock();
    const voucher = { account: wallet, cumulativeAmount: REWARD, deadline: block.timestamp + 3600n };
    const signature = await signVoucher(opts.signerKey, voucher, voucherDomain(opts.chainId, opts.contract));
    return toSignedVoucherJson({ ...voucher, signature, contract: opts.contract, chainId: opts.chainId });
  });

  origin = (await app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  return { origin, links, close: () => app.close() };
}

/**
 * Injected as window.ethereum: starts on chain 1 (to exercise the wrong-chain state), refuses the
 * first personal_sign (to exercise the rejected state), and forwards everything else to anvil.
 */
function installWallet({ wallet, anvilChainIdHex }: { wallet: Address; anvilChainIdHex: string }): void {
  let chainId = '0x1';
  let refusedOnce = false;
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

describe.skipIf(!existsSync(CHROMIUM))('claim page in Chromium', () => {
  let anvil: AnvilInstance;
  let browser: Browser;
  let collector: Awaited<ReturnType<typeof startStandInCollector>>;
  let publicClient: PublicClient;
  let token: Address;
  let distDir: string;

  beforeAll(async () => {
    anvil = await startAnvil();
    const [deployer, signer] = anvil.accounts;
    if (!deployer || !signer) throw new Error('anvil returned too few accounts');
    publicClient = createPublicClient({ transport: http(anvil.rpcUrl) });
    token = (await deployRewardToken({ rpcUrl: anvil.rpcUrl, deployerKey: deployer.privateKey, signerAddress: signer.address }))
      .address;
    distDir = await buildClaimPage({ outDir: mkdtempSync(join(tmpdir(), 'claim-page-')) });
    collector = await startStandInCollector({
      distDir,
      chainId: anvil.chainId,
      contract: token,
      signerKey: signer.privateKey,
      publicClient,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.close();
    await anvil?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it('links the wallet, switches chain, survives a rejection, and claims on-chain', async () => {
    const wallet = anvil.accounts[3]?.address;
    if (!wallet) throw new Error('no wallet account');
    const page = await browser.newPage();
    await page.exposeFunction('__anvilRpc', (method: string, params: unknown) => rpcCall(anvil.rpcUrl, method, params));
    await page.addInitScript(installWallet, { wallet, anvilChainIdHex: `0x${anvil.chainId.toString(16)}` });

    await page.goto(`${collector.origin}/claim/?device=${DEVICE_PUB}&nonce=${NONCE}&deviceSig=${DEVICE_SIG}`);
    await page.getByRole('button', { name: 'Connect wallet' }).click();

    await page.waitForSelector('section[data-state="wrong-chain"]');
    await page.getByRole('button', { name: 'Switch network' }).click();

    await page.waitForSelector('section[data-state="rejected"]');
    await page.getByRole('button', { name: 'Try again' }).click();

    await page.waitForSelector('section[data-state="linked"]');
    expect(await page.getByTestId('claimable').textContent()).toBe('5 TRIB');
    expect(collector.links).toEqual([{ wallet, devicePub: DEVICE_PUB, deviceSig: DEVICE_SIG }]);

    await page.getByRole('button', { name: 'Claim 5 TRIB' }).click();
    await page.waitForSelector('section[data-state="confirmed"]', { timeout: 30_000 });
    const txHash = (await page.getByTestId('tx').textContent()) as Hex;
    if (process.env.CLAIM_PAGE_SCREENSHOT) await page.screenshot({ path: process.env.CLAIM_PAGE_SCREENSHOT });

    const receipt = await publicClient.getTransactionReceipt({ hash: txHash });
    expect(receipt.status).toBe('success');
    expect(receipt.to?.toLowerCase()).toBe(token.toLowerCase());
    expect(
      await publicClient.readContract({ address: token, abi: rewardTokenAbi, functionName: 'balanceOf', args: [wallet] }),
    ).toBe(REWARD);
    expect(await stateOf(page)).toBe('confirmed');
  });

  it('says so when there is no wallet', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.origin}/claim/?device=${DEVICE_PUB}&nonce=${NONCE}&deviceSig=${DEVICE_SIG}`);
    await page.waitForSelector('section[data-state="no-wallet"]');
    expect(await page.locator('section').textContent()).toContain('No Ethereum wallet found');
  });

  it('says so when the link is incomplete', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.origin}/claim/?device=${DEVICE_PUB}`);
    await page.waitForSelector('section[data-state="bad-link"]');
  });
});
