// The community's rules (CommonsPolicy.sol), defined once for code: their shape, their JSON wire
// form (a zod codec), how to read them from the contract, and the calls a proposal makes to change
// one. The collector, the governance page and the deploy script all use these definitions.
import { encodeFunctionData, type Address, type Hex, type PublicClient } from 'viem';
import { z } from 'zod';
import { commonsPolicyAbi } from './artifacts/CommonsPolicy';
import { addressSchema } from './wire';

const uint32 = z.number().int().min(0).max(2 ** 32 - 1);

/** SPDX license identifiers are short printable ASCII; CommonsPolicy.sol enforces the same alphabet. */
export const spdxIdSchema = z.string().regex(/^[A-Za-z0-9.+-]{1,64}$/, 'not an SPDX license identifier');

export const commonsRulesSchema = z.strictObject({
  /** Reward units one accepted signal earns. */
  rewardPerSignal: uint32,
  /** Reward units one device may earn per UTC day. */
  dailyCap: uint32,
  /** Distinct devices a topic needs before it is released. */
  minK: uint32.min(1),
  /** Seconds between dataset releases. */
  releaseCadence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** Share of dataset-access fees kept by the treasury, in basis points (0–10000). */
  treasuryFeeBps: z.number().int().min(0).max(10_000),
  /** The only key whose reward vouchers the community honours. */
  voucherSigner: addressSchema,
  license: spdxIdSchema,
});
export type CommonsRules = z.output<typeof commonsRulesSchema>;

/** The rules a proposal can change, each with its setter on CommonsPolicy. */
export const RULE_SETTERS = {
  rewardPerSignal: 'setRewardPerSignal',
  dailyCap: 'setDailyCap',
  minK: 'setMinK',
  releaseCadence: 'setReleaseCadence',
  treasuryFeeBps: 'setTreasuryFeeBps',
  voucherSigner: 'setVoucherSigner',
  license: 'setLicense',
} as const satisfies Record<keyof CommonsRules, string>;
export type RuleName = keyof typeof RULE_SETTERS;
export const RULE_NAMES = Object.keys(RULE_SETTERS) as RuleName[];

/** Every event CommonsPolicy emits is a rule change. */
export const RULE_CHANGE_EVENTS = [
  'RewardPerSignalChanged',
  'DailyCapChanged',
  'MinKChanged',
  'ReleaseCadenceChanged',
  'TreasuryFeeBpsChanged',
  'VoucherSignerChanged',
  'LicenseChanged',
] as const;

/** Reads every rule in one call (one block's consistent view). */
export async function readCommonsRules(client: PublicClient, policy: Address, blockNumber?: bigint): Promise<CommonsRules> {
  const r = await client.readContract({ address: policy, abi: commonsPolicyAbi, functionName: 'rules', blockNumber });
  return commonsRulesSchema.parse({
    rewardPerSignal: r.rewardPerSignal,
    dailyCap: r.dailyCap,
    minK: r.minK,
    releaseCadence: Number(r.releaseCadence),
    treasuryFeeBps: r.treasuryFeeBps,
    voucherSigner: r.voucherSigner,
    license: r.license,
  });
}

/** The constructor's struct argument. */
export function rulesTuple(rules: CommonsRules) {
  return { ...rules, releaseCadence: BigInt(rules.releaseCadence) };
}

/** The calldata of the one call that sets `rule` to `value` (what a proposal asks the timelock to run). */
export function ruleChangeCalldata<R extends RuleName>(rule: R, value: CommonsRules[R]): Hex {
  const validated = commonsRulesSchema.shape[rule].parse(value);
  const functionName = RULE_SETTERS[rule];
  const arg = rule === 'releaseCadence' ? BigInt(validated as number) : validated;
  return encodeFunctionData({ abi: commonsPolicyAbi, functionName, args: [arg] } as Parameters<typeof encodeFunctionData>[0]);
}

/** A governor proposal: the calls the timelock will make and the text voters read. */
export interface Proposal {
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
}

/** A proposal to set one rule of `policy`; the governor identifies it by these four fields. */
export function ruleChangeProposal<R extends RuleName>(policy: Address, rule: R, value: CommonsRules[R], description: string): Proposal {
  return { targets: [policy], values: [0n], calldatas: [ruleChangeCalldata(rule, value)], description };
}
