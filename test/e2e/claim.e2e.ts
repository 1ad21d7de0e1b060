// Rewards end to end: contribute through the extension in real Chromium, link a wallet on the
// collector's claim page (a scripted EIP-1193 wallet holding a local anvil key), claim on chain,
// and check the token balance equals the collector's ledger.
import { createWalletClient, hexToString, http, type Address, type Hex, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpcCall, type AnvilAccount, type AnvilInstance } from '../../contracts/anvil';
import { rewardTokenAbi } from '../../contracts/artifacts/RewardToken';
import { ensureClaimPage } from '../../collector/src/routes/claim-page';
import { startRewardChain, type RewardChain } from '../../collector/test/reward-chain';
import { startStack, type Stack } from './harness/stack';

const TOKEN = 10n ** 18n;

/** window.ethereum for the claim page only; requests go to the test process (`__wallet`). */
function installWallet({ origin, wallet }: { origin: string; wallet: string }): void {
  if (location.origin !== origin) return;
  const call = (window as unknown as { __wallet: (m: string, p: unknown) => Promise<unknown> }).__wallet;
  (window as unknown as { ethereum: unknown }).ethereum = {
    request: ({ method, params }: { method: string; params?: unknown[] }) =>
      method === 'eth_requestAccounts' || method === 'eth_accounts' ? Promise.resolve([wallet]) : call(method, params ?? []),
  };
}

/** Signs with the local key; everything else goes to anvil. */
function walletBackend(anvil: AnvilInstance, account: AnvilAccount) {
  const local = privateKeyToAccount(account.privateKey);
  const walletClient = createWalletClient({ account: local, transport: http(anvil.rpcUrl) });
  return async (method: string, params: unknown[]): Promise<unknown> => {
    switch (method) {
      case 'personal_sign':
        return local.signMessage({ message: hexToString(params[0] as Hex) });
      case 'eth_sendTransaction': {
        const tx = params[0] as { to: Address; data: Hex; value?: Hex };
        return walletClient.sendTransaction({ to: tx.to, data: tx.data, value: tx.value ? BigInt(tx.value) : undefined, chain: null });
      }
      default:
        return rpcCall(anvil.rpcUrl, method, params);
    }
  };
}

describe('claim: contribute → link a wallet on the claim page → claim on chain', () => {
  let chain: RewardChain;
  let anvil: AnvilInstance;
  let stack: Stack;
  let token: Address;
  let publicClient: PublicClient;

  beforeAll(async () => {
    chain = await startRewardChain();
    ({ anvil, token, publicClient } = chain);
    // Built here once so the collector's start does not wait on vite.
    await ensureClaimPage();
    stack = await startStack({ env: { ...chain.collectorEnv, COLLECTOR_CHAIN_NAME: 'Anvil' } });
  });

  afterAll(async () => {
    await stack?.close();
    await chain?.stop();
  });

  it('pays the wallet exactly what the collector credited the device', async () => {
    await stack.optIn();
    await stack.visit('article.html', 2500);
    await stack.visit('astronomy.html', 2500);
    await expect.poll(async () => (await stack.ui({ type: 'get-state' })).collectedToday, { timeout: 60_000 }).toBe(2);
    await stack.ui({ type: 'flush' });
    await expect.poll(async () => (await stack.ui({ type: 'get-state' })).bundles.accepted, { timeout: 120_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await stack.ui({ type: 'get-state' })).bundles.pending, { timeout: 120_000 }).toBe(0);

    const devicePub = (await stack.ui({ type: 'get-state' })).devicePub!;
    const collectorUrl = stack.collector.baseUrl;
    const rewardsOf = async () => (await (await fetch(`${collectorUrl}/v1/devices/${devicePub}/rewards`)).json()) as Record<string, string>;
    const before = await rewardsOf();
    const units = Number(before.units);
    expect(units).toBeGreaterThan(0);
    expect(before).toMatchObject({ wallet: null, pending: (BigInt(units) * TOKEN).toString(), claimable: '0' });

    // The wallet exists only on the collector's origin, as an injected EIP-1193 provider.
    const account = anvil.accounts[5]!;
    await stack.browser.context.exposeFunction('__wallet', walletBackend(anvil, account));
    await stack.browser.context.addInitScript(installWallet, { origin: new URL(collectorUrl).origin, wallet: account.address });
    // The dashboard's button asks the background for a one-time link signed by the device key.
    const dashboard = await stack.browser.openExtensionPage('dashboard.html#rewards');
    await expect.poll(() => dashboard.textContent('[data-testid=rewards-pending]'), { timeout: 30_000 }).toBe(`${units} TRIB`);
    const [page] = await Promise.all([stack.browser.context.waitForEvent('page'), dashboard.click('[data-testid=link-wallet]')]);
    await page.waitForLoadState();
    expect(page.url().startsWith(`${collectorUrl}/claim/?device=${devicePub}&nonce=`)).toBe(true);
    await page.getByRole('button', { name: 'Connect wallet' }).click();
    await page.waitForSelector('section[data-state="linked"]', { timeout: 30_000 });
    expect(await page.getByTestId('claimable').textContent()).toBe(`${units} TRIB`);

    await page.getByRole('button', { name: `Claim ${units} TRIB` }).click();
    await page.waitForSelector('section[data-state="confirmed"]', { timeout: 60_000 });

    const ledgerUnits = (
      stack.collectorDb().prepare('SELECT SUM(amount) AS units FROM ledger WHERE device_pub = ?').get(devicePub) as { units: number }
    ).units;
    expect(ledgerUnits).toBe(units);
    const balance = await publicClient.readContract({ address: token, abi: rewardTokenAbi, functionName: 'balanceOf', args: [account.address] });
    expect(balance).toBe(BigInt(ledgerUnits) * TOKEN);
    expect(await rewardsOf()).toMatchObject({ wallet: account.address, pending: '0', claimable: '0', claimed: balance.toString() });

    // The link's nonce is spent: opening it again is refused, and the page says why in the collector's words.
    const again = await stack.browser.context.newPage();
    await again.goto(page.url());
    await again.getByRole('button', { name: 'Connect wallet' }).click();
    await again.waitForSelector('section[data-state="error"]', { timeout: 30_000 });
    const shown = await again.getByRole('alert').textContent();
    expect(shown).toContain('the nonce is unknown, expired, already used or issued to another device');
    expect(shown).not.toMatch(/HTTP \d{3}/);
  });
});
