// The community's rules as this collector applies them: one source for scoring, caps, releases and
// voucher signing. With a policy contract configured they are CommonsPolicy's, followed as its
// events arrive (policy/follow.ts); without one, the collector's embedded defaults.
import { createPublicClient, http, type Address } from 'viem';
import { DEFAULT_RULES } from '../../../contracts/community';
import { readCommonsRules } from '../../../contracts/policy';
import type { PolicyChange, PolicyInForce } from '../../../utils/collector-api/community';
import type { RewardsConfig } from '../rewards/config';
import type { ScoringRules } from '../rewards/scoring';
import { ApiError } from '../services/errors';

export type { PolicyInForce, PolicyChange };
export type RulesInForce = PolicyInForce['rules'];

/** Where the rules in force come from; `current()` is what applies to the next signal, release or voucher. */
export interface PolicySource {
  current(): PolicyInForce;
  stop(): void;
}

/** The defaults a collector without a policy contract applies (its env's daily cap included). */
export function embeddedPolicy(config: RewardsConfig, voucherSigner: Address | null): PolicyInForce {
  return {
    source: 'embedded',
    rules: { ...DEFAULT_RULES, dailyCap: config.scoring.dailyCapUnits, voucherSigner },
    changes: [],
  };
}

export function fixedPolicySource(policy: PolicyInForce): PolicySource {
  return { current: () => policy, stop: () => {} };
}

/** The scoring rules a signal received now is scored with. */
export function scoringRulesInForce(base: ScoringRules, rules: RulesInForce): ScoringRules {
  return { ...base, unitsPerSignal: rules.rewardPerSignal, dailyCapUnits: rules.dailyCap };
}

/** Vouchers are signed only by the key the community names: a collector voted out stops issuing them. */
export function assertVoucherSigner(rules: RulesInForce, signer: Address): void {
  if (rules.voucherSigner !== null && rules.voucherSigner !== signer) {
    throw new ApiError(503, 'not_voucher_signer', "the community's policy names another voucher signer than this collector's key");
  }
}

/**
 * The rules in force, read once: for processes that act at one moment (a dataset release, an
 * export) rather than follow the chain. Same answer as a running collector's `GET /v1/policy` rules.
 */
export async function readPolicyInForce(config: RewardsConfig): Promise<PolicyInForce> {
  const chain = config.chain;
  if (!chain?.policy) return embeddedPolicy(config, null);
  const client = createPublicClient({ transport: http(chain.rpcUrl, { timeout: 10_000, retryCount: 1 }) });
  const block = await client.getBlockNumber();
  return {
    source: 'chain',
    rules: await readCommonsRules(client, chain.policy, block),
    chain: { chainId: chain.chainId, policy: chain.policy, token: chain.contract, governor: chain.governor, block },
    changes: [],
  };
}
