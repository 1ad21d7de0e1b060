// Governance end to end: a contributor earns tokens through the extension in real Chromium, two
// members delegate on the collector's governance page (each with a scripted EIP-1193 wallet
// holding a local anvil key), one proposes raising the reward per signal, both vote, the test
// mines the chain past the voting period and moves its clock past the timelock, the proposal is queued and
// executed from the page, and the collector credits the device's next bundle at the new rate.
import { createWalletClient, hexToString, http, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpcCall, type AnvilAccount, type AnvilInstance } from '../../contracts/anvil';
import { ensureGovernancePage } from '../../collector/src/routes/governance-page';
import { startCommunityChain, TEST_GOVERNANCE, type CommunityChain } from '../../collector/test/reward-chain';
import { policyInForceSchema } from '../../utils/collector-api/community';
import { startStack, type Stack } from './harness/stack';

const TOKEN = 10n ** 18n;

/** window.ethereum on the collector's pages; requests go to this page's test wallet (`__wallet`). */
function installWallet({ origin, wallet }: { origin: string; wallet: string }): void {
  if (location.origin !== origin) return;
  const call = (window as unknown as { __wallet: (m: string, p: unknown) => Promise<unknown> }).__wallet;
  (window as unknown as { ethereum: unknown }).ethereum = {
    request: ({ method, params }: { method: string; params?: unknown[] }) =>
      method === 'eth_requestAccounts' || method === 'eth_accounts' ? Promise.resolve([wallet]) : call(method, params ?? []),
  };
}

/** Signs and sends with the local key; everything else goes to anvil. */
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

describe('governance: earn → delegate → propose → vote → timelock → the collector applies it', () => {
  let chain: CommunityChain;
  let stack: Stack;

  beforeAll(async () => {
    chain = await startCommunityChain();
    // Built here once so the collector's start does not wait on vite.
    await ensureGovernancePage();
    stack = await startStack({ env: { ...chain.collectorEnv, COLLECTOR_CHAIN_POLL_MS: '200' } });
  });

  afterAll(async () => {
    await stack?.close();
    await chain?.stop();
  });

  it('a passed proposal raises the reward per signal for the next credit, not before the timelock', async () => {
    const { anvil, gov, signer } = chain;
    const collectorUrl = stack.collector.baseUrl;
    const policy = async () => policyInForceSchema.parse(await (await fetch(`${collectorUrl}/v1/policy`)).json());
    const rewardsOf = async (devicePub: string) =>
      (await (await fetch(`${collectorUrl}/v1/devices/${devicePub}/rewards`)).json()) as { units: number; history: { kind: string; units: number; signals: number }[] };
    const bundlesAccepted = async () => (await stack.ui({ type: 'get-state' })).bundles.accepted;

    // 1. The contributor's device earns through the extension, at the rule in force (1 unit per signal).
    await stack.optIn();
    await stack.visit('article.html', 2500);
    await stack.visit('astronomy.html', 2500);
    await expect.poll(async () => (await stack.ui({ type: 'get-state' })).collectedToday, { timeout: 60_000 }).toBe(2);
    await stack.ui({ type: 'flush' });
    await expect.poll(bundlesAccepted, { timeout: 120_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await stack.ui({ type: 'get-state' })).bundles.pending, { timeout: 120_000 }).toBe(0);
    const devicePub = (await stack.ui({ type: 'get-state' })).devicePub!;
    const earned = await rewardsOf(devicePub);
    expect(earned.units).toBe(2);

    // The credit becomes tokens in the contributor's wallet through a voucher from the collector's key.
    const [, , , , , , alice, bob] = anvil.accounts;
    if (!alice || !bob) throw new Error('anvil returned too few accounts');
    await gov.earn(signer, alice, BigInt(earned.units) * TOKEN);
    await gov.earn(signer, bob, TOKEN / 2n);

    // The dashboard shows the rules in force and leads to the governance page.
    const dashboard = await stack.browser.openExtensionPage('dashboard.html#rewards');
    await expect.poll(() => dashboard.locator('[data-testid=policy] [data-rule=rewardPerSignal]').textContent(), { timeout: 30_000 }).toBe('1');
    expect(await dashboard.getByTestId('policy-source').textContent()).toBe("Decided by the community's vote on chain.");
    const [opened] = await Promise.all([stack.browser.context.waitForEvent('page'), dashboard.getByTestId('open-governance').click()]);
    expect(opened.url()).toBe(`${collectorUrl}/governance/`);
    await opened.close();

    // 2. Each member opens the governance page with their own wallet and delegates to themselves.
    const origin = new URL(collectorUrl).origin;
    const openAs = async (account: AnvilAccount): Promise<Page> => {
      const page = await stack.browser.context.newPage();
      await page.exposeFunction('__wallet', walletBackend(anvil, account));
      await page.addInitScript(installWallet, { origin, wallet: account.address });
      await page.goto(`${collectorUrl}/governance/`);
      await expect.poll(() => page.locator('[data-rule=rewardPerSignal]').textContent(), { timeout: 30_000 }).toBe('1');
      await page.getByRole('button', { name: 'Connect wallet' }).click();
      await page.getByText('Your tokens do not vote yet.').waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByTestId('voting-power').textContent()).toBe('Voting power: 0 TRIB');
      await page.getByRole('button', { name: 'Delegate to myself' }).click();
      await page.getByText('Your votes count for yourself.').waitFor({ timeout: 30_000 });
      return page;
    };
    const alicePage = await openAs(alice);
    expect(await alicePage.getByTestId('voting-power').textContent()).toBe('Voting power: 2 TRIB');
    const bobPage = await openAs(bob);
    expect(await bobPage.getByTestId('voting-power').textContent()).toBe('Voting power: 0.5 TRIB');

    // 3. Alice proposes, from the form, five units per accepted signal.
    await alicePage.getByLabel('Rule').selectOption('rewardPerSignal');
    await alicePage.getByLabel('New value').fill('5');
    await alicePage.getByLabel('Why (voters read this)').fill('Pay contributors five units per accepted signal');
    await alicePage.getByRole('button', { name: 'Propose' }).click();
    const aliceProposal = alicePage.getByTestId('proposal');
    await expect.poll(() => aliceProposal.getAttribute('data-state'), { timeout: 30_000 }).toBe('pending');
    expect(await aliceProposal.textContent()).toContain('Sets “Reward per accepted signal (units)” to 5');

    // 4. Voting opens after the delay; both vote with a reason.
    await gov.mineBlocks(TEST_GOVERNANCE.votingDelay + 1);
    const vote = async (page: Page, button: string, reason: string) => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      const card = page.getByTestId('proposal');
      await expect.poll(() => card.getAttribute('data-state'), { timeout: 30_000 }).toBe('active');
      await card.getByLabel('Reason (optional)').fill(reason);
      await card.getByRole('button', { name: button }).click();
      await card.getByText('You voted on this proposal.').waitFor({ timeout: 30_000 });
    };
    await vote(alicePage, 'Vote for', 'contributors carry the commons');
    await vote(bobPage, 'Vote against', 'the treasury cannot afford it yet');
    expect(await bobPage.getByTestId('tally').textContent()).toBe('For 2 TRIB · Against 0.5 TRIB · Abstain 0 TRIB');

    // 5. After the voting period it has passed; queued, it still changes nothing until the timelock is over.
    await gov.mineBlocks(TEST_GOVERNANCE.votingPeriod);
    await alicePage.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => aliceProposal.getAttribute('data-state'), { timeout: 30_000 }).toBe('succeeded');
    await aliceProposal.getByRole('button', { name: 'Queue in the timelock' }).click();
    await expect.poll(() => aliceProposal.getAttribute('data-state'), { timeout: 30_000 }).toBe('queued');
    const queuedAt = await gov.publicClient.getBlockNumber();
    await expect.poll(async () => (await policy()).chain!.block, { timeout: 30_000 }).toBeGreaterThanOrEqual(queuedAt);
    expect((await policy()).rules.rewardPerSignal).toBe(1);

    await gov.advanceTime(TEST_GOVERNANCE.timelockDelay);
    await alicePage.getByRole('button', { name: 'Refresh' }).click();
    await aliceProposal.getByRole('button', { name: 'Execute' }).click();
    await expect.poll(() => aliceProposal.getAttribute('data-state'), { timeout: 30_000 }).toBe('executed');

    // 6. The collector follows the policy contract and applies the new rule to the next credit.
    await expect.poll(async () => (await policy()).rules.rewardPerSignal, { timeout: 30_000 }).toBe(5);
    expect((await policy()).changes).toMatchObject([{ rule: 'rewardPerSignal', previous: '1', current: '5' }]);
    // The page shows the rules the collector applies, as of its last refresh.
    await alicePage.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => alicePage.locator('[data-rule=rewardPerSignal]').textContent(), { timeout: 30_000 }).toBe('5');

    const before = await bundlesAccepted();
    await stack.visit('chess.html', 2500);
    await expect.poll(async () => (await stack.ui({ type: 'get-state' })).collectedToday, { timeout: 60_000 }).toBe(3);
    await stack.ui({ type: 'flush' });
    await expect.poll(bundlesAccepted, { timeout: 120_000 }).toBeGreaterThan(before);
    const after = await rewardsOf(devicePub);
    const lastCredit = after.history.filter((e) => e.kind === 'credit').at(-1)!;
    expect(lastCredit).toMatchObject({ units: 5, signals: 1 });
    expect(after.units).toBe(7);
    await dashboard.reload();
    await expect.poll(() => dashboard.locator('[data-testid=policy] [data-rule=rewardPerSignal]').textContent(), { timeout: 30_000 }).toBe('5');
  });
});
