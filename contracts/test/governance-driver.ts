// Drives a deployed community's governance from tests, as its members' wallets would: earn tokens
// through vouchers, delegate, propose, vote, mine blocks and move the chain's clock, queue, execute.
import { createPublicClient, createWalletClient, http, keccak256, parseEventLogs, toHex, type Hex, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { rpcCall, type AnvilAccount } from '../anvil';
import { rewardTokenAbi } from '../artifacts/RewardToken';
import { tributaryGovernorAbi } from '../artifacts/TributaryGovernor';
import type { CommunityDeployment } from '../community';
import type { Proposal } from '../policy';
import { signVoucher, voucherDomain } from '../voucher';

export const SUPPORT = { against: 0, for: 1, abstain: 2 } as const;

export interface GovernanceDriver {
  publicClient: PublicClient;
  mined(hash: Hex): Promise<Awaited<ReturnType<PublicClient['waitForTransactionReceipt']>>>;
  /** Sends one contract call from `account` and waits until it is mined. */
  write(account: AnvilAccount, params: { address: `0x${string}`; abi: readonly unknown[]; functionName: string; args?: readonly unknown[] }): Promise<Hex>;
  /** Mines `blocks` blocks (votes are counted in blocks). */
  mineBlocks(blocks: number): Promise<void>;
  /** Mines a block `seconds` after the latest one (the timelock counts seconds). */
  advanceTime(seconds: number): Promise<void>;
  /** Mints `amount` to `account` with a voucher signed by `signer`, claimed by the account itself. */
  earn(signer: AnvilAccount, account: AnvilAccount, amount: bigint): Promise<void>;
  delegateToSelf(account: AnvilAccount): Promise<void>;
  propose(by: AnvilAccount, p: Proposal): Promise<bigint>;
  /** Returns the weight the vote counted with. */
  vote(by: AnvilAccount, id: bigint, support: number, reason?: string): Promise<bigint>;
  queue(by: AnvilAccount, p: Proposal): Promise<Hex>;
  execute(by: AnvilAccount, p: Proposal): Promise<Hex>;
}

export const descriptionHash = (p: Proposal): Hex => keccak256(toHex(p.description));


export function governanceDriver(rpcUrl: string, c: CommunityDeployment): GovernanceDriver {
  const publicClient = createPublicClient({ transport: http(rpcUrl) });
  const walletFor = (account: AnvilAccount) => createWalletClient({ account: privateKeyToAccount(account.privateKey), transport: http(rpcUrl) });
  const mined = async (hash: Hex) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return receipt;
  };
  const lifecycle = async (by: AnvilAccount, functionName: 'queue' | 'execute', p: Proposal): Promise<Hex> => {
    const hash = await walletFor(by).writeContract({
      address: c.governor,
      abi: tributaryGovernorAbi,
      functionName,
      args: [p.targets, p.values, p.calldatas, descriptionHash(p)],
      chain: null,
    });
    await mined(hash);
    return hash;
  };
  return {
    publicClient,
    mined,
    async write(account, params) {
      const hash = await walletFor(account).writeContract({ ...params, chain: null } as never);
      await mined(hash);
      return hash;
    },
    async mineBlocks(blocks) {
      await rpcCall(rpcUrl, 'anvil_mine', [toHex(blocks)]);
    },
    // From the latest block's time, not the wall clock's: the chain may run ahead of the wall clock.
    async advanceTime(seconds) {
      const latest = await publicClient.getBlock();
      await rpcCall(rpcUrl, 'evm_mine', [toHex(latest.timestamp + BigInt(seconds))]);
    },
    async earn(signer, account, amount) {
      const block = await publicClient.getBlock();
      const voucher = { account: account.address, cumulativeAmount: amount, deadline: block.timestamp + 3600n };
      const signature = await signVoucher(signer.privateKey, voucher, voucherDomain(c.chainId, c.token));
      await mined(
        await walletFor(account).writeContract({
          address: c.token,
          abi: rewardTokenAbi,
          functionName: 'claim',
          args: [voucher.cumulativeAmount, voucher.deadline, signature],
          chain: null,
        }),
      );
    },
    async delegateToSelf(account) {
      await mined(
        await walletFor(account).writeContract({ address: c.token, abi: rewardTokenAbi, functionName: 'delegate', args: [account.address], chain: null }),
      );
    },
    async propose(by, p) {
      const receipt = await mined(
        await walletFor(by).writeContract({
          address: c.governor,
          abi: tributaryGovernorAbi,
          functionName: 'propose',
          args: [p.targets, p.values, p.calldatas, p.description],
          chain: null,
        }),
      );
      const [created] = parseEventLogs({ abi: tributaryGovernorAbi, logs: receipt.logs, eventName: 'ProposalCreated' });
      if (!created) throw new Error('no ProposalCreated');
      return created.args.proposalId;
    },
    async vote(by, id, support, reason = '') {
      const receipt = await mined(
        await walletFor(by).writeContract({
          address: c.governor,
          abi: tributaryGovernorAbi,
          functionName: 'castVoteWithReason',
          args: [id, support, reason],
          chain: null,
        }),
      );
      const [cast] = parseEventLogs({ abi: tributaryGovernorAbi, logs: receipt.logs, eventName: 'VoteCast' });
      if (!cast) throw new Error('no VoteCast');
      return cast.args.weight;
    },
    queue: (by, p) => lifecycle(by, 'queue', p),
    execute: (by, p) => lifecycle(by, 'execute', p),
  };
}
