import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  hashTypedData,
  http,
  parseEventLogs,
  parseUnits,
  type Address,
  type Hex,
  type PublicClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { startAnvil, type AnvilAccount, type AnvilInstance } from '../anvil';
import { deployRewardToken } from '../deploy';
import { rewardTokenAbi } from '../artifacts/RewardToken';
import { signVoucher, VOUCHER_TYPES, voucherDomain, type Voucher, type VoucherDomain } from '../voucher';

let anvil: AnvilInstance;
let publicClient: PublicClient;
let deployer: AnvilAccount;
let signer: AnvilAccount;
let alice: AnvilAccount;
let bob: AnvilAccount;
let impostor: AnvilAccount;

// Fresh contract per test so no test depends on another's claims.
let token: Address;
let domain: VoucherDomain;

beforeAll(async () => {
  anvil = await startAnvil();
  publicClient = createPublicClient({ transport: http(anvil.rpcUrl) });
  const [a0, a1, a2, a3, a4] = anvil.accounts;
  if (!a0 || !a1 || !a2 || !a3 || !a4) throw new Error('anvil returned too few accounts');
  [deployer, signer, alice, bob, impostor] = [a0, a1, a2, a3, a4];
});

afterAll(async () => {
  await anvil?.stop();
});

beforeEach(async () => {
  const deployment = await deployRewardToken({
    rpcUrl: anvil.rpcUrl,
    deployerKey: deployer.privateKey,
    signerAddress: signer.address,
  });
  token = deployment.address;
  domain = voucherDomain(deployment.chainId, token);
});

const tokens = (n: string): bigint => parseUnits(n, 18);

async function deadlineIn(seconds: bigint): Promise<bigint> {
  const block = await publicClient.getBlock();
  return block.timestamp + seconds;
}

async function voucherFor(account: Address, cumulative: bigint, key: Hex = signer.privateKey) {
  const voucher: Voucher = { account, cumulativeAmount: cumulative, deadline: await deadlineIn(3600n) };
  return { voucher, signature: await signVoucher(key, voucher, domain) };
}

function walletFor(account: AnvilAccount) {
  return createWalletClient({ account: privateKeyToAccount(account.privateKey), transport: http(anvil.rpcUrl) });
}

async function mined(hash: Hex) {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe('success');
  return receipt;
}

async function claim(sender: AnvilAccount, voucher: Voucher, signature: Hex) {
  return mined(
    await walletFor(sender).writeContract({
      address: token,
      abi: rewardTokenAbi,
      functionName: 'claim',
      args: [voucher.cumulativeAmount, voucher.deadline, signature],
      chain: null,
    }),
  );
}

async function claimFor(sender: AnvilAccount, voucher: Voucher, signature: Hex) {
  return mined(
    await walletFor(sender).writeContract({
      address: token,
      abi: rewardTokenAbi,
      functionName: 'claimFor',
      args: [voucher.account, voucher.cumulativeAmount, voucher.deadline, signature],
      chain: null,
    }),
  );
}

/** Simulates claim() from `sender` and returns the custom error name it reverts with. */
async function claimRevertReason(sender: AnvilAccount, voucher: Voucher, signature: Hex): Promise<string | undefined> {
  return revertReason(
    publicClient.simulateContract({
      account: sender.address,
      address: token,
      abi: rewardTokenAbi,
      functionName: 'claim',
      args: [voucher.cumulativeAmount, voucher.deadline, signature],
    }),
  );
}

async function revertReason(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof BaseError)) throw err;
    const reverted = err.walk((e) => e instanceof ContractFunctionRevertedError);
    if (!(reverted instanceof ContractFunctionRevertedError)) throw err;
    return reverted.data?.errorName ?? reverted.reason ?? 'unknown revert';
  }
  return undefined;
}

async function balanceOf(account: Address): Promise<bigint> {
  return publicClient.readContract({ address: token, abi: rewardTokenAbi, functionName: 'balanceOf', args: [account] });
}

async function claimedOf(account: Address): Promise<bigint> {
  return publicClient.readContract({ address: token, abi: rewardTokenAbi, functionName: 'claimed', args: [account] });
}

describe('RewardToken vouchers on anvil', () => {
  it('encodes the voucher digest exactly as the contract does', async () => {
    const { voucher } = await voucherFor(alice.address, tokens('3'));
    const onChain = await publicClient.readContract({
      address: token,
      abi: rewardTokenAbi,
      functionName: 'voucherDigest',
      args: [voucher.account, voucher.cumulativeAmount, voucher.deadline],
    });
    expect(onChain).toBe(hashTypedData({ domain, types: VOUCHER_TYPES, primaryType: 'Claim', message: voucher }));
  });

  it('pays a valid voucher to the claimer and emits Claimed', async () => {
    const { voucher, signature } = await voucherFor(alice.address, tokens('5'));
    const receipt = await claim(alice, voucher, signature);

    expect(await balanceOf(alice.address)).toBe(tokens('5'));
    expect(await claimedOf(alice.address)).toBe(tokens('5'));
    const [event] = parseEventLogs({ abi: rewardTokenAbi, logs: receipt.logs, eventName: 'Claimed' });
    expect(event?.args).toEqual({ account: alice.address, amount: tokens('5'), cumulative: tokens('5') });
  });

  it('rejects a replayed voucher', async () => {
    const { voucher, signature } = await voucherFor(alice.address, tokens('5'));
    await claim(alice, voucher, signature);

    expect(await claimRevertReason(alice, voucher, signature)).toBe('NothingToClaim');
    expect(await balanceOf(alice.address)).toBe(tokens('5'));
  });

  it('rejects a voucher whose amount was tampered with', async () => {
    const { voucher, signature } = await voucherFor(alice.address, tokens('5'));
    const inflated = { ...voucher, cumulativeAmount: tokens('500') };

    expect(await claimRevertReason(alice, inflated, signature)).toBe('InvalidVoucherSignature');
    expect(await balanceOf(alice.address)).toBe(0n);
  });

  it("rejects another account's voucher submitted through claim()", async () => {
    const { voucher, signature } = await voucherFor(alice.address, tokens('5'));

    // claim() binds the voucher to msg.sender, so Bob recovers a different digest.
    expect(await claimRevertReason(bob, voucher, signature)).toBe('InvalidVoucherSignature');
  });

  it('pays only the difference for a later voucher with a higher cumulative amount', async () => {
    const first = await voucherFor(alice.address, tokens('5'));
    await claim(alice, first.voucher, first.signature);
    const second = await voucherFor(alice.address, tokens('12'));
    const receipt = await claim(alice, second.voucher, second.signature);

    expect(await balanceOf(alice.address)).toBe(tokens('12'));
    expect(await claimedOf(alice.address)).toBe(tokens('12'));
    const [event] = parseEventLogs({ abi: rewardTokenAbi, logs: receipt.logs, eventName: 'Claimed' });
    expect(event?.args.amount).toBe(tokens('7'));
    // The older, smaller voucher is now worthless.
    expect(await claimRevertReason(alice, first.voucher, first.signature)).toBe('NothingToClaim');
  });

  it('rejects an expired voucher', async () => {
    const voucher: Voucher = { account: alice.address, cumulativeAmount: tokens('5'), deadline: await deadlineIn(-1n) };
    const signature = await signVoucher(signer.privateKey, voucher, domain);

    expect(await claimRevertReason(alice, voucher, signature)).toBe('VoucherExpired');
    expect(await balanceOf(alice.address)).toBe(0n);
  });

  it('rejects a voucher signed by a key other than the voucher signer', async () => {
    const { voucher, signature } = await voucherFor(alice.address, tokens('5'), impostor.privateKey);

    expect(await claimRevertReason(alice, voucher, signature)).toBe('InvalidVoucherSignature');
    expect(await balanceOf(alice.address)).toBe(0n);
  });

  it('rejects a voucher signed for another contract (domain separation)', async () => {
    const voucher: Voucher = { account: alice.address, cumulativeAmount: tokens('5'), deadline: await deadlineIn(3600n) };
    const signature = await signVoucher(signer.privateKey, voucher, voucherDomain(domain.chainId, bob.address));

    expect(await claimRevertReason(alice, voucher, signature)).toBe('InvalidVoucherSignature');
  });

  it('claimFor submitted by a third party pays the account, not the sender', async () => {
    const { voucher, signature } = await voucherFor(alice.address, tokens('5'));
    const aliceEthBefore = await publicClient.getBalance({ address: alice.address });
    await claimFor(bob, voucher, signature);

    expect(await balanceOf(alice.address)).toBe(tokens('5'));
    expect(await balanceOf(bob.address)).toBe(0n);
    // Alice paid no gas.
    expect(await publicClient.getBalance({ address: alice.address })).toBe(aliceEthBefore);
  });

  it('does not let a non-owner rotate the signer', async () => {
    const reason = await revertReason(
      publicClient.simulateContract({
        account: impostor.address,
        address: token,
        abi: rewardTokenAbi,
        functionName: 'setVoucherSigner',
        args: [impostor.address],
      }),
    );
    expect(reason).toBe('OwnableUnauthorizedAccount');
    expect(
      await publicClient.readContract({ address: token, abi: rewardTokenAbi, functionName: 'voucherSigner' }),
    ).toBe(signer.address);
  });

  it('lets the owner rotate the signer, after which only the new key is honoured', async () => {
    const old = await voucherFor(alice.address, tokens('5'));
    const receipt = await mined(
      await walletFor(deployer).writeContract({
        address: token,
        abi: rewardTokenAbi,
        functionName: 'setVoucherSigner',
        args: [bob.address],
        chain: null,
      }),
    );
    const [event] = parseEventLogs({ abi: rewardTokenAbi, logs: receipt.logs, eventName: 'VoucherSignerChanged' });
    expect(event?.args).toEqual({ previousSigner: signer.address, newSigner: bob.address });

    expect(await claimRevertReason(alice, old.voucher, old.signature)).toBe('InvalidVoucherSignature');
    const fresh = await voucherFor(alice.address, tokens('5'), bob.privateKey);
    await claim(alice, fresh.voucher, fresh.signature);
    expect(await balanceOf(alice.address)).toBe(tokens('5'));
  });
});
