// Environment for rewards: scoring rules (always on) and the chain (optional: without it the
// reward endpoints answer 503 rewards_disabled and everything else works).
import { join, resolve } from 'node:path';
import { getAddress, isAddress, type Address } from 'viem';
import { z } from 'zod';
import type { ScoringRules } from './scoring';

const addressEnv = z
  .string()
  .refine((s) => isAddress(s, { strict: false }), 'not an address')
  .transform((s) => getAddress(s));

const rewardsEnvSchema = z.object({
  COLLECTOR_REWARD_NEAR_DUP_COSINE: z.coerce.number().min(0).max(1).default(0.97),
  COLLECTOR_REWARD_DAILY_CAP: z.coerce.number().int().min(0).default(200),
  /** Token base units per reward unit: 1e18 = 1 TRIB (18 decimals). */
  COLLECTOR_REWARD_WEI_PER_UNIT: z
    .string()
    .regex(/^\d{1,60}$/)
    .default('1000000000000000000')
    .transform((s) => BigInt(s)),
  COLLECTOR_CHAIN_RPC: z.url().optional(),
  COLLECTOR_CHAIN_ID: z.coerce.number().int().positive().optional(),
  COLLECTOR_CHAIN_NAME: z.string().min(1).max(100).default('Tributary chain'),
  /** RPC URL the claim page may offer to wallets (wallet_addEthereumChain); not sent unless set. */
  COLLECTOR_CHAIN_PUBLIC_RPC: z.url().optional(),
  COLLECTOR_REWARD_CONTRACT: addressEnv.optional(),
  /** The community's CommonsPolicy: the collector applies its rules and follows its changes. */
  COLLECTOR_POLICY_CONTRACT: addressEnv.optional(),
  /** The community's governor, named to the governance page. */
  COLLECTOR_GOVERNOR_CONTRACT: addressEnv.optional(),
  /** How often the chain is asked for new policy events (default: policy/follow.ts). */
  COLLECTOR_CHAIN_POLL_MS: z.coerce.number().int().min(100).optional(),
  COLLECTOR_VOUCHER_KEY_FILE: z.string().min(1).optional(),
  /** Length of a token epoch: tokens of an epoch are redeemable once it has closed. */
  COLLECTOR_TOKEN_EPOCH_MS: z.coerce.number().int().min(1_000).default(7 * 86_400_000),
  COLLECTOR_VOUCHER_TTL_S: z.coerce.number().int().min(60).max(30 * 86_400).default(3600),
});

export interface ChainConfig {
  rpcUrl: string;
  chainId: number;
  chainName: string;
  publicRpcUrl?: string;
  contract: Address;
  /** CommonsPolicy; absent: the collector applies its embedded rules. */
  policy?: Address;
  governor?: Address;
  pollMs?: number;
  voucherKeyFile: string;
  voucherTtlSeconds: number;
}

export interface RewardsConfig {
  scoring: ScoringRules;
  weiPerUnit: bigint;
  tokenEpochMs: number;
  /** Absent: rewards are disabled. */
  chain?: ChainConfig;
}

/** The voucher key's file: COLLECTOR_VOUCHER_KEY_FILE, or voucher-key.json in the data directory. */
export function voucherKeyFileOf(env: NodeJS.ProcessEnv, dataDir: string): string {
  return resolve(env.COLLECTOR_VOUCHER_KEY_FILE ?? join(dataDir, 'voucher-key.json'));
}

export function loadRewardsConfig(env: NodeJS.ProcessEnv, dataDir: string): RewardsConfig {
  const e = rewardsEnvSchema.parse(env);
  const chainVars = [e.COLLECTOR_CHAIN_RPC, e.COLLECTOR_CHAIN_ID, e.COLLECTOR_REWARD_CONTRACT];
  if (chainVars.some((v) => v !== undefined) && chainVars.some((v) => v === undefined)) {
    throw new Error('set all of COLLECTOR_CHAIN_RPC, COLLECTOR_CHAIN_ID and COLLECTOR_REWARD_CONTRACT, or none');
  }
  if ((e.COLLECTOR_POLICY_CONTRACT || e.COLLECTOR_GOVERNOR_CONTRACT) && !e.COLLECTOR_CHAIN_RPC) {
    throw new Error('COLLECTOR_POLICY_CONTRACT and COLLECTOR_GOVERNOR_CONTRACT need the chain (COLLECTOR_CHAIN_RPC, …)');
  }
  const chain: ChainConfig | undefined =
    e.COLLECTOR_CHAIN_RPC && e.COLLECTOR_CHAIN_ID && e.COLLECTOR_REWARD_CONTRACT
      ? {
          rpcUrl: e.COLLECTOR_CHAIN_RPC,
          chainId: e.COLLECTOR_CHAIN_ID,
          chainName: e.COLLECTOR_CHAIN_NAME,
          publicRpcUrl: e.COLLECTOR_CHAIN_PUBLIC_RPC,
          contract: e.COLLECTOR_REWARD_CONTRACT,
          policy: e.COLLECTOR_POLICY_CONTRACT,
          governor: e.COLLECTOR_GOVERNOR_CONTRACT,
          pollMs: e.COLLECTOR_CHAIN_POLL_MS,
          voucherKeyFile: voucherKeyFileOf(env, dataDir),
          voucherTtlSeconds: e.COLLECTOR_VOUCHER_TTL_S,
        }
      : undefined;
  return {
    scoring: { nearDuplicateCosine: e.COLLECTOR_REWARD_NEAR_DUP_COSINE, dailyCapUnits: e.COLLECTOR_REWARD_DAILY_CAP, unitsPerSignal: 1 },
    weiPerUnit: e.COLLECTOR_REWARD_WEI_PER_UNIT,
    tokenEpochMs: e.COLLECTOR_TOKEN_EPOCH_MS,
    chain,
  };
}
