// Follows CommonsPolicy: reads every rule at start (a collector that cannot learn its community's
// rules does not start), then applies each change event as the chain reports it. Only the timelock
// can emit one, so a proposal that has not passed the vote and the timelock changes nothing here.
import { createPublicClient, http, type Log, type PublicClient } from 'viem';
import { commonsPolicyAbi } from '../../../contracts/artifacts/CommonsPolicy';
import { readCommonsRules, type RuleName } from '../../../contracts/policy';
import type { ChainConfig } from '../rewards/config';
import type { PolicyChange, PolicyInForce, PolicySource, RulesInForce } from './in-force';

export const DEFAULT_POLL_MS = 4_000;
const KEPT_CHANGES = 100;

const RULE_OF_EVENT = {
  RewardPerSignalChanged: 'rewardPerSignal',
  DailyCapChanged: 'dailyCap',
  MinKChanged: 'minK',
  ReleaseCadenceChanged: 'releaseCadence',
  TreasuryFeeBpsChanged: 'treasuryFeeBps',
  VoucherSignerChanged: 'voucherSigner',
  LicenseChanged: 'license',
} as const satisfies Record<string, RuleName>;

type PolicyEventLog = Log<bigint, number, false, undefined, true, typeof commonsPolicyAbi>;

export interface PolicyLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** The rule an event sets and its new value in the rules' own types. */
function applyEvent(rules: RulesInForce, log: PolicyEventLog): { rules: RulesInForce; change: PolicyChange } | null {
  if (!(log.eventName in RULE_OF_EVENT) || log.blockNumber === null || log.transactionHash === null) return null;
  const rule = RULE_OF_EVENT[log.eventName as keyof typeof RULE_OF_EVENT];
  const { previous, current } = log.args as { previous: unknown; current: unknown };
  const value = typeof current === 'bigint' ? Number(current) : current;
  return {
    rules: { ...rules, [rule]: value },
    change: { rule, previous: String(previous), current: String(current), block: log.blockNumber, tx: log.transactionHash },
  };
}

/**
 * Polls eth_getLogs over the blocks it has not seen, rather than viem's watchContractEvent: that one
 * prefers an eth_newFilter, which real nodes drop after minutes of silence and need not fill with
 * logs older than the filter, and a rule change missed is a rule not applied.
 */
export async function followCommonsPolicy(chain: ChainConfig & { policy: NonNullable<ChainConfig['policy']> }, log: PolicyLog, client?: PublicClient): Promise<PolicySource> {
  const pollMs = chain.pollMs ?? DEFAULT_POLL_MS;
  const rpc = client ?? createPublicClient({ transport: http(chain.rpcUrl, { timeout: 10_000, retryCount: 1 }) });
  let seen = await rpc.getBlockNumber();
  let state: PolicyInForce = {
    source: 'chain',
    rules: await readCommonsRules(rpc, chain.policy, seen),
    chain: { chainId: chain.chainId, policy: chain.policy, token: chain.contract, governor: chain.governor, block: seen },
    changes: [],
  };
  log.info({ policy: chain.policy, block: seen.toString(), rules: state.rules }, 'community policy in force');

  const poll = async (): Promise<void> => {
    const head = await rpc.getBlockNumber();
    if (head <= seen) return;
    const events = await rpc.getContractEvents({ address: chain.policy, abi: commonsPolicyAbi, fromBlock: seen + 1n, toBlock: head, strict: true });
    let { rules, changes } = state;
    for (const event of events) {
      const applied = applyEvent(rules, event as PolicyEventLog);
      if (!applied) continue;
      rules = applied.rules;
      changes = [...changes, applied.change].slice(-KEPT_CHANGES);
      log.info({ ...applied.change, block: applied.change.block.toString() }, 'community policy changed');
    }
    seen = head;
    state = { ...state, rules, changes, chain: { ...state.chain!, block: head } };
  };

  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      poll()
        .catch((err: Error) => log.error({ err: { name: err.name, message: err.message } }, 'following the community policy failed; retrying'))
        .finally(schedule);
    }, pollMs);
    timer.unref();
  };
  schedule();
  return {
    current: () => state,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
