// A throwaway reward chain for tests: anvil, RewardToken deployed to trust a voucher signer, and
// the signer's key in a 0600 file for the collector (COLLECTOR_VOUCHER_KEY_FILE).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicClient, http, type Address, type PublicClient } from 'viem';
import { startAnvil, type AnvilInstance } from '../../contracts/anvil';
import { deployRewardToken } from '../../contracts/deploy';

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
