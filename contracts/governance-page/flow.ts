// Steps of the governance page, free of DOM code so they run against any EIP-1193 provider and any
// fetch. The collector says which community it obeys (GET /v1/policy); everything else is read
// from and sent to the chain through the reader's own wallet.
import {
  createPublicClient,
  createWalletClient,
  custom,
  decodeFunctionData,
  encodeFunctionData,
  keccak256,
  toHex,
  type Address,
  type EIP1193Provider,
  type Hex,
} from 'viem';
import { policyRoute, type PolicyInForce } from '../../utils/collector-api/community';
import { callRoute, type CollectorEndpoint } from '../../utils/collector-client/request';
import { commonsPolicyAbi } from '../artifacts/CommonsPolicy';
import { rewardTokenAbi } from '../artifacts/RewardToken';
import { tributaryGovernorAbi } from '../artifacts/TributaryGovernor';
import { commonsRulesSchema, RULE_SETTERS, ruleChangeProposal, type CommonsRules, type Proposal, type RuleName } from '../policy';

export interface GovernanceEnv {
  provider: EIP1193Provider;
  /** Collector origin the page was served from (location.origin). */
  origin: string;
  fetch: typeof fetch;
}

export interface Community {
  chainId: number;
  token: Address;
  governor: Address;
  policy: Address;
}

/** IGovernor.ProposalState, in its order. */
export const PROPOSAL_STATES = ['pending', 'active', 'canceled', 'defeated', 'succeeded', 'queued', 'expired', 'executed'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** GovernorCountingSimple's support values. */
export const SUPPORT = { against: 0, for: 1, abstain: 2 } as const;
export type Support = keyof typeof SUPPORT;

export interface ProposalView extends Proposal {
  id: bigint;
  proposer: Address;
  state: ProposalState;
  votes: { for: bigint; against: bigint; abstain: bigint };
  /** The vote's last block, and (once queued) the unix time it may run from. */
  voteEnd: bigint;
  eta: bigint;
  hasVoted: boolean;
  /** Each call, read back as the rule it sets (null: not a CommonsPolicy setter). */
  changes: ({ rule: RuleName; value: string } | null)[];
}

export interface Voter {
  balance: bigint;
  votes: bigint;
  delegate: Address;
}

const collector = (env: GovernanceEnv): CollectorEndpoint => ({ baseUrl: env.origin, fetch: env.fetch });
const walletClient = (env: GovernanceEnv) => createWalletClient({ transport: custom(env.provider) });
const chainClient = (env: GovernanceEnv) => createPublicClient({ transport: custom(env.provider), pollingInterval: 500 });

export function loadPolicy(env: GovernanceEnv): Promise<PolicyInForce> {
  return callRoute(collector(env), policyRoute, {});
}

/** The community behind the collector's rules; null when it follows no policy contract or names no governor. */
export function communityOf(policy: PolicyInForce): Community | null {
  const chain = policy.chain;
  if (!chain?.governor) return null;
  return { chainId: chain.chainId, token: chain.token, governor: chain.governor, policy: chain.policy };
}

export async function connectWallet(env: GovernanceEnv): Promise<{ wallet: Address; chainId: number }> {
  const client = walletClient(env);
  const [wallet] = await client.requestAddresses();
  if (!wallet) throw new Error('the wallet returned no account');
  return { wallet, chainId: await client.getChainId() };
}

export async function readVoter(env: GovernanceEnv, c: Community, wallet: Address): Promise<Voter> {
  const client = chainClient(env);
  const read = <F extends 'balanceOf' | 'getVotes' | 'delegates'>(functionName: F) =>
    client.readContract({ address: c.token, abi: rewardTokenAbi, functionName, args: [wallet] } as never) as Promise<F extends 'delegates' ? Address : bigint>;
  const [balance, votes, delegate] = await Promise.all([read('balanceOf'), read('getVotes'), read('delegates')]);
  return { balance: balance as bigint, votes: votes as bigint, delegate: delegate as Address };
}

/** Sends a transaction from the wallet and waits until it is mined; a revert is an error. */
async function send(env: GovernanceEnv, wallet: Address, to: Address, data: Hex): Promise<Hex> {
  const hash = await walletClient(env).sendTransaction({ account: wallet, to, data, chain: null });
  const receipt = await chainClient(env).waitForTransactionReceipt({ hash, timeout: 10 * 60_000 });
  if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
  return hash;
}

export function delegateVotes(env: GovernanceEnv, c: Community, wallet: Address, to: Address): Promise<Hex> {
  return send(env, wallet, c.token, encodeFunctionData({ abi: rewardTokenAbi, functionName: 'delegate', args: [to] }));
}

/** A form's text as the rule's value; null if it is not a valid value for that rule. */
export function parseRuleValue<R extends RuleName>(rule: R, text: string): CommonsRules[R] | null {
  const trimmed = text.trim();
  const raw = rule === 'license' || rule === 'voucherSigner' ? trimmed : /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  const parsed = commonsRulesSchema.shape[rule].safeParse(raw);
  return parsed.success ? (parsed.data as CommonsRules[R]) : null;
}

export function propose<R extends RuleName>(env: GovernanceEnv, c: Community, wallet: Address, rule: R, value: CommonsRules[R], description: string): Promise<Hex> {
  const p = ruleChangeProposal(c.policy, rule, value, description);
  return send(env, wallet, c.governor, encodeFunctionData({ abi: tributaryGovernorAbi, functionName: 'propose', args: [p.targets, p.values, p.calldatas, p.description] }));
}

export function castVote(env: GovernanceEnv, c: Community, wallet: Address, id: bigint, support: Support, reason: string): Promise<Hex> {
  return send(env, wallet, c.governor, encodeFunctionData({ abi: tributaryGovernorAbi, functionName: 'castVoteWithReason', args: [id, SUPPORT[support], reason] }));
}

/** Queues a passed proposal in the timelock, or executes a queued one whose delay is over. */
export function advanceProposal(env: GovernanceEnv, c: Community, wallet: Address, p: Proposal, step: 'queue' | 'execute'): Promise<Hex> {
  const data = encodeFunctionData({ abi: tributaryGovernorAbi, functionName: step, args: [p.targets, p.values, p.calldatas, keccak256(toHex(p.description))] });
  return send(env, wallet, c.governor, data);
}

const SETTER_RULES = new Map(Object.entries(RULE_SETTERS).map(([rule, setter]) => [setter as string, rule as RuleName]));

/** What a call does, in the rules' terms, so voters never read calldata. */
export function describeCall(c: Community, target: Address, data: Hex): { rule: RuleName; value: string } | null {
  if (target !== c.policy) return null;
  try {
    const { functionName, args } = decodeFunctionData({ abi: commonsPolicyAbi, data });
    const rule = SETTER_RULES.get(functionName);
    return rule && args?.[0] !== undefined ? { rule, value: String(args[0]) } : null;
  } catch {
    return null;
  }
}

/** Every proposal of the governor, newest first, with its state, tallies and whether `wallet` voted. */
export async function listProposals(env: GovernanceEnv, c: Community, wallet: Address | null): Promise<ProposalView[]> {
  const client = chainClient(env);
  const created = await client.getContractEvents({ address: c.governor, abi: tributaryGovernorAbi, eventName: 'ProposalCreated', fromBlock: 'earliest', strict: true });
  const read = (functionName: 'state' | 'proposalVotes' | 'proposalDeadline' | 'proposalEta', id: bigint) =>
    client.readContract({ address: c.governor, abi: tributaryGovernorAbi, functionName, args: [id] } as never);
  const views = await Promise.all(
    created.map(async (event): Promise<ProposalView> => {
      const { proposalId: id, proposer, targets, values, calldatas, description } = event.args;
      const [state, votes, voteEnd, eta, hasVoted] = await Promise.all([
        read('state', id) as Promise<number>,
        read('proposalVotes', id) as Promise<readonly [bigint, bigint, bigint]>,
        read('proposalDeadline', id) as Promise<bigint>,
        read('proposalEta', id) as Promise<bigint>,
        wallet
          ? client.readContract({ address: c.governor, abi: tributaryGovernorAbi, functionName: 'hasVoted', args: [id, wallet] })
          : Promise.resolve(false),
      ]);
      const [against, forVotes, abstain] = votes;
      return {
        id,
        proposer,
        targets: [...targets],
        values: [...values],
        calldatas: [...calldatas],
        description,
        state: PROPOSAL_STATES[state] ?? 'pending',
        votes: { for: forVotes, against, abstain },
        voteEnd,
        eta,
        hasVoted,
        changes: targets.map((target, i) => describeCall(c, target, calldatas[i]!)),
      };
    }),
  );
  return views.reverse();
}
