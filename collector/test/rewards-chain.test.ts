// Vouchers against a real chain: anvil + RewardToken deployed with the collector's voucher key as
// signer; the wallet claims with the collector's voucher and its token balance must equal the ledger.
import { createWalletClient, http, type Address, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnvilInstance } from '../../contracts/anvil';
import { rewardTokenAbi } from '../../contracts/artifacts/RewardToken';
import { signedVoucherSchema } from '../../contracts/voucher';
import { makeSignal } from '../../test/unit/wire/fixtures';
import { generateDeviceKeyPair } from '../../utils/wire/index';
import { startRewardChain, type RewardChain } from './reward-chain';
import { contribute, deleteScope, linkRequest, postLink, requestNonce, startRewardsCollector, TOKEN, type RewardsCollector } from './rewards-support';

describe('vouchers on a real chain (anvil)', () => {
  let chain: RewardChain;
  let anvil: AnvilInstance;
  let c: RewardsCollector;
  let token: Address;
  let publicClient: PublicClient;

  beforeAll(async () => {
    // The collector signs with the chain's voucher key; the contract is deployed to trust its address.
    chain = await startRewardChain();
    ({ anvil, token, publicClient } = chain);
    c = await startRewardsCollector({ env: chain.collectorEnv });
  }, 60_000);

  afterAll(async () => {
    await c?.close();
    await chain?.stop();
  });

  it('pays out exactly the ledger, and a deletion after the claim never lowers the next voucher', async () => {
    const walletAccount = anvil.accounts[4]!;
    const wallet = walletAccount.address;
    const device = generateDeviceKeyPair();
    const balanceOf = () => publicClient.readContract({ address: token, abi: rewardTokenAbi, functionName: 'balanceOf', args: [wallet] });
    const claim = async () => {
      const voucher = signedVoucherSchema.parse((await c.app.inject({ method: 'POST', url: '/v1/rewards/voucher', payload: { wallet } })).json());
      const walletClient = createWalletClient({ account: privateKeyToAccount(walletAccount.privateKey), transport: http(anvil.rpcUrl) });
      const hash = await walletClient.writeContract({
        address: token,
        abi: rewardTokenAbi,
        functionName: 'claim',
        args: [voucher.cumulativeAmount, voucher.deadline, voucher.signature],
        chain: null,
      });
      expect((await publicClient.waitForTransactionReceipt({ hash })).status).toBe('success');
    };

    const signals = Array.from({ length: 3 }, () => makeSignal());
    const sent = await contribute(c.app, device, [...signals, makeSignal({ text: signals[0]!.text })]);
    expect(sent.receipt.credited).toBe(3);
    const nonce = await requestNonce(c.app, device);
    expect((await postLink(c.app, await linkRequest({ device, nonce, wallet, signerKey: walletAccount.privateKey, chainId: anvil.chainId }))).statusCode).toBe(200);

    await claim();
    const ledgerUnits = (await c.app.inject({ method: 'GET', url: `/v1/devices/${device.publicKey}/balance` })).json().balance as number;
    expect(ledgerUnits).toBe(3);
    expect(await balanceOf()).toBe(BigInt(ledgerUnits) * TOKEN);
    expect((await c.app.inject({ method: 'GET', url: `/v1/rewards/${wallet}` })).json()).toMatchObject({
      claimed: (3n * TOKEN).toString(),
      claimable: '0',
    });

    await deleteScope(c.app, device, { kind: 'signals', signalIds: [signals[0]!.id] });
    expect((await c.app.inject({ method: 'POST', url: '/v1/rewards/voucher', payload: { wallet } })).json().error.code).toBe('nothing_to_claim');

    await contribute(c.app, device, [makeSignal(), makeSignal()]);
    // Earned 3 − 1 + 2 = 4, claimed 3: one more token.
    await claim();
    expect(await balanceOf()).toBe(4n * TOKEN);
  }, 60_000);
});
