import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  http,
  parseEventLogs,
  parseUnits,
  type Address,
  type PublicClient,
} from 'viem';
import { startAnvil, type AnvilAccount, type AnvilInstance } from '../anvil';
import { commonsPolicyAbi } from '../artifacts/CommonsPolicy';
import { rewardTokenAbi } from '../artifacts/RewardToken';
import { timelockControllerAbi } from '../artifacts/TimelockController';
import { tributaryGovernorAbi } from '../artifacts/TributaryGovernor';
import { deployCommunity, DEFAULT_RULES, type CommunityDeployment } from '../community';
import { readCommonsRules, ruleChangeProposal } from '../policy';
import { descriptionHash, governanceDriver, SUPPORT, type GovernanceDriver } from './governance-driver';

const VOTING_DELAY = 10;
const VOTING_PERIOD = 100;
const TIMELOCK_DELAY = 50;
const QUORUM_PERCENT = 20;

const enum State {
  Pending = 0,
  Active = 1,
  Defeated = 3,
  Succeeded = 4,
  Queued = 5,
  Executed = 7,
}
const FOR = SUPPORT.for;

let anvil: AnvilInstance;
let publicClient: PublicClient;
let deployer: AnvilAccount;
let signer: AnvilAccount;
let alice: AnvilAccount;
let bob: AnvilAccount;
let carol: AnvilAccount;
let c: CommunityDeployment;
let gov: GovernanceDriver;
let mined: GovernanceDriver['mined'];
let mineBlocks: GovernanceDriver['mineBlocks'];
let advanceTime: GovernanceDriver['advanceTime'];
let delegateToSelf: GovernanceDriver['delegateToSelf'];
let propose: GovernanceDriver['propose'];
let vote: GovernanceDriver['vote'];

const tokens = (n: string): bigint => parseUnits(n, 18);

beforeAll(async () => {
  anvil = await startAnvil();
  publicClient = createPublicClient({ transport: http(anvil.rpcUrl) });
  const [a0, a1, a2, a3, a4] = anvil.accounts;
  if (!a0 || !a1 || !a2 || !a3 || !a4) throw new Error('anvil returned too few accounts');
  [deployer, signer, alice, bob, carol] = [a0, a1, a2, a3, a4];
});

afterAll(async () => {
  await anvil?.stop();
});

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

const state = (id: bigint) => publicClient.readContract({ address: c.governor, abi: tributaryGovernorAbi, functionName: 'state', args: [id] });

beforeEach(async () => {
  c = await deployCommunity({
    rpcUrl: anvil.rpcUrl,
    deployerKey: deployer.privateKey,
    signerAddress: signer.address,
    governance: {
      votingDelay: VOTING_DELAY,
      votingPeriod: VOTING_PERIOD,
      timelockDelay: TIMELOCK_DELAY,
      proposalThreshold: 0n,
      quorumPercent: QUORUM_PERCENT,
    },
  });
  gov = governanceDriver(anvil.rpcUrl, c);
  ({ mined, mineBlocks, advanceTime, delegateToSelf, propose, vote } = gov);
  await gov.earn(signer, alice, tokens('10'));
  await gov.earn(signer, bob, tokens('1'));
});

describe('community governance on anvil', () => {
  it('starts with the embedded rules and the collector key as voucher signer, and leaves the deployer no power', async () => {
    expect(await readCommonsRules(publicClient, c.policy)).toEqual({ ...DEFAULT_RULES, voucherSigner: signer.address });
    expect(await publicClient.readContract({ address: c.policy, abi: commonsPolicyAbi, functionName: 'owner' })).toBe(c.timelock);
    expect(await publicClient.readContract({ address: c.token, abi: rewardTokenAbi, functionName: 'owner' })).toBe(c.timelock);
    const admin = await publicClient.readContract({ address: c.timelock, abi: timelockControllerAbi, functionName: 'DEFAULT_ADMIN_ROLE' });
    expect(await publicClient.readContract({ address: c.timelock, abi: timelockControllerAbi, functionName: 'hasRole', args: [admin, deployer.address] })).toBe(false);
    expect(await publicClient.readContract({ address: c.token, abi: rewardTokenAbi, functionName: 'CLOCK_MODE' })).toBe('mode=blocknumber&from=default');
  });

  it('a passed proposal changes the policy only after the timelock, and emits the change', async () => {
    await delegateToSelf(alice);
    const p = ruleChangeProposal(c.policy, 'minK', 25, 'Release topics only when 25 devices contributed');
    const id = await propose(alice, p);
    expect(await state(id)).toBe(State.Pending);
    await mineBlocks(VOTING_DELAY + 1);
    expect(await vote(alice, id, FOR, 'k=10 is too small for rare topics')).toBe(tokens('10'));
    await mineBlocks(VOTING_PERIOD);
    expect(await state(id)).toBe(State.Succeeded);
    await gov.queue(bob, p);
    expect(await state(id)).toBe(State.Queued);

    // Still waiting in the timelock: nothing changes yet.
    // The governor passes the timelock's revert through; its ABI alone cannot name it.
    const governorAndTimelockErrors = [...tributaryGovernorAbi, ...timelockControllerAbi.filter((item) => item.type === 'error')];
    const early = publicClient.simulateContract({ account: bob.address, address: c.governor, abi: governorAndTimelockErrors, functionName: 'execute', args: [p.targets, p.values, p.calldatas, descriptionHash(p)] });
    expect(await revertReason(early)).toBe('TimelockUnexpectedOperationState');
    expect((await readCommonsRules(publicClient, c.policy)).minK).toBe(10);

    await advanceTime(TIMELOCK_DELAY);
    const receipt = await mined(await gov.execute(bob, p));
    expect(await state(id)).toBe(State.Executed);
    expect((await readCommonsRules(publicClient, c.policy)).minK).toBe(25);
    const [changed] = parseEventLogs({ abi: commonsPolicyAbi, logs: receipt.logs, eventName: 'MinKChanged' });
    expect(changed?.args).toEqual({ previous: 10, current: 25 });
  });

  it('a proposal below quorum is defeated however one-sided its vote', async () => {
    // Bob holds 1 of 11 tokens (9 %), the quorum is 20 %.
    await delegateToSelf(bob);
    const p = ruleChangeProposal(c.policy, 'rewardPerSignal', 100, 'Pay 100 units per signal');
    const id = await propose(bob, p);
    await mineBlocks(VOTING_DELAY + 1);
    expect(await vote(bob, id, FOR)).toBe(tokens('1'));
    await mineBlocks(VOTING_PERIOD);
    expect(await state(id)).toBe(State.Defeated);
    expect(await revertReason(publicClient.simulateContract({ account: bob.address, address: c.governor, abi: tributaryGovernorAbi, functionName: 'queue', args: [p.targets, p.values, p.calldatas, descriptionHash(p)] }))).toBe('GovernorUnexpectedProposalState');
  });

  it('a direct call to CommonsPolicy from anyone but the timelock reverts, the deployer included', async () => {
    for (const caller of [deployer, alice, signer]) {
      const reason = await revertReason(
        publicClient.simulateContract({ account: caller.address, address: c.policy, abi: commonsPolicyAbi, functionName: 'setMinK', args: [1] }),
      );
      expect(reason).toBe('OwnableUnauthorizedAccount');
    }
    // Nor can anyone but the governor schedule on the timelock.
    const proposer = await publicClient.readContract({ address: c.timelock, abi: timelockControllerAbi, functionName: 'PROPOSER_ROLE' });
    expect(await publicClient.readContract({ address: c.timelock, abi: timelockControllerAbi, functionName: 'hasRole', args: [proposer, deployer.address] })).toBe(false);
    expect(await publicClient.readContract({ address: c.timelock, abi: timelockControllerAbi, functionName: 'hasRole', args: [proposer, c.governor] })).toBe(true);
  });

  it('votes count from the snapshot: tokens moved after it do not vote twice', async () => {
    await delegateToSelf(alice);
    await delegateToSelf(bob);
    await delegateToSelf(carol);
    const p = ruleChangeProposal(c.policy, 'dailyCap', 50, 'Lower the daily cap');
    const id = await propose(alice, p);
    await mineBlocks(VOTING_DELAY + 1);
    // After the snapshot Alice gives her 10 tokens to Bob, and Bob's 1 to Carol.
    await gov.write(alice, { address: c.token, abi: rewardTokenAbi, functionName: 'transfer', args: [bob.address, tokens('10')] });
    await gov.write(bob, { address: c.token, abi: rewardTokenAbi, functionName: 'transfer', args: [carol.address, tokens('1')] });
    const votesNow = (a: Address) => publicClient.readContract({ address: c.token, abi: rewardTokenAbi, functionName: 'getVotes', args: [a] });
    expect(await votesNow(bob.address)).toBe(tokens('10'));
    expect(await votesNow(carol.address)).toBe(tokens('1'));

    expect(await vote(alice, id, FOR)).toBe(tokens('10'));
    expect(await vote(bob, id, FOR)).toBe(tokens('1'));
    expect(await vote(carol, id, FOR)).toBe(0n);
    const [against, forVotes, abstain] = await publicClient.readContract({ address: c.governor, abi: tributaryGovernorAbi, functionName: 'proposalVotes', args: [id] });
    expect({ against, forVotes, abstain }).toEqual({ against: 0n, forVotes: tokens('11'), abstain: 0n });
  });

  it('undelegated tokens do not vote: holding is not enough', async () => {
    const p = ruleChangeProposal(c.policy, 'license', 'CC0-1.0', 'Release into the public domain');
    await delegateToSelf(bob);
    const id = await propose(bob, p);
    await mineBlocks(VOTING_DELAY + 1);
    expect(await vote(alice, id, FOR)).toBe(0n);
  });
});
