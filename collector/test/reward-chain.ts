// A throwaway reward chain for tests: anvil, RewardToken deployed to trust a voucher signer (or a
// whole community: token, timelock, governor, policy), and the signer's key in a 0600 file for the
// collector (COLLECTOR_VOUCHER_KEY_FILE).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicClient, http, type Address, type PublicClient } from 'viem';
import { startAnvil, type AnvilAccount, type AnvilInstance } from '../../contracts/anvil';
import { DEFAULT_RULES, deployCommunity, type CommunityDeployment, type InitialRules } from '../../contracts/community';
import { deployRewardToken } from '../../contracts/deploy';
import { governanceDriver, type GovernanceDriver } from '../../contracts/test/governance-driver';

export interface RewardChain {
  anvil: AnvilInstance;
  token: Address;
  publicClient: PublicClient;
  /** The collector's chain settings, ready to spread into its environment. */
  collectorEnv: Record<string, string>;
  stop(): Promise<void>;
}

export async function startRewardChain(): Promise<RewardChain> {
  const anvil = await startAnvil();
  const [deployer, signer] = anvil.accounts;
  if (!deployer || !signer) throw new Error('anvil returned too few accounts');
  const keyDir = mkdtempSync(join(tmpdir(), 'tributary-voucher-key-'));
  const voucherKeyFile = join(keyDir, 'voucher-key.json');
  writeFileSync(voucherKeyFile, JSON.stringify({ v: 1, privateKey: signer.privateKey }), { mode: 0o600 });
  const token = (await deployRewardToken({ rpcUrl: anvil.rpcUrl, deployerKey: deployer.privateKey, signerAddress: signer.address })).address;
  return {
    anvil,
    token,
    publicClient: createPublicClient({ transport: http(anvil.rpcUrl) }),
    collectorEnv: {
      COLLECTOR_CHAIN_RPC: anvil.rpcUrl,
      COLLECTOR_CHAIN_ID: String(anvil.chainId),
      COLLECTOR_REWARD_CONTRACT: token,
      COLLECTOR_VOUCHER_KEY_FILE: voucherKeyFile,
    },
    async stop() {
      await anvil.stop();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

/** Governance on the test chain: voting delay and period in blocks, the timelock in seconds; tests mine past them. */
export const TEST_GOVERNANCE = { votingDelay: 10, votingPeriod: 100, timelockDelay: 50, proposalThreshold: 0n, quorumPercent: 20 } as const;

export interface CommunityChain {
  anvil: AnvilInstance;
  community: CommunityDeployment;
  /** The collector's voucher key (the policy's first voucher signer). */
  signer: AnvilAccount;
  gov: GovernanceDriver;
  /** The collector's chain and policy settings, ready to spread into its environment. */
  collectorEnv: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * anvil with a whole community deployed (token, timelock, governor, policy), its voucher key in a 0600 file;
 * the policy starts with the default rules, `rules` changed.
 */
export async function startCommunityChain(rules: Partial<InitialRules> = {}): Promise<CommunityChain> {
  const anvil = await startAnvil();
  const [deployer, signer] = anvil.accounts;
  if (!deployer || !signer) throw new Error('anvil returned too few accounts');
  const keyDir = mkdtempSync(join(tmpdir(), 'tributary-voucher-key-'));
  const voucherKeyFile = join(keyDir, 'voucher-key.json');
  writeFileSync(voucherKeyFile, JSON.stringify({ v: 1, privateKey: signer.privateKey }), { mode: 0o600 });
  const community = await deployCommunity({
    rpcUrl: anvil.rpcUrl,
    deployerKey: deployer.privateKey,
    signerAddress: signer.address,
    governance: TEST_GOVERNANCE,
    rules: { ...DEFAULT_RULES, ...rules },
  });
  return {
    anvil,
    community,
    signer,
    gov: governanceDriver(anvil.rpcUrl, community),
    collectorEnv: {
      COLLECTOR_CHAIN_RPC: anvil.rpcUrl,
      COLLECTOR_CHAIN_ID: String(anvil.chainId),
      COLLECTOR_REWARD_CONTRACT: community.token,
      COLLECTOR_POLICY_CONTRACT: community.policy,
      COLLECTOR_GOVERNOR_CONTRACT: community.governor,
      COLLECTOR_CHAIN_POLL_MS: '100',
      COLLECTOR_VOUCHER_KEY_FILE: voucherKeyFile,
    },
    async stop() {
      await anvil.stop();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
