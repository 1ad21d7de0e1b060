// The reward chain as the collector sees it: the voucher signer key and two reads (claimed
// amount, latest block time). Vouchers are signed offline; the collector never sends transactions.
import { createPublicClient, http, type Address, type Hex } from 'viem';
import { rewardTokenAbi } from '../../../contracts/artifacts/RewardToken';
import type { ChainConfig } from './config';
import { ensureVoucherKey } from './voucher-key';

export interface RewardChain {
  config: ChainConfig;
  signerKey: Hex;
  signerAddress: Address;
  /** Token base units `wallet` has claimed so far (RewardToken.claimed). */
  claimed(wallet: Address): Promise<bigint>;
  /** Timestamp of the latest block: voucher deadlines are judged by chain time. */
  blockTime(): Promise<bigint>;
}

export function connectRewardChain(config: ChainConfig): RewardChain {
  const signer = ensureVoucherKey(config.voucherKeyFile);
  const client = createPublicClient({ transport: http(config.rpcUrl, { timeout: 10_000, retryCount: 1 }) });
  return {
    config,
    signerKey: signer.privateKey,
    signerAddress: signer.address,
    claimed: (wallet) => client.readContract({ address: config.contract, abi: rewardTokenAbi, functionName: 'claimed', args: [wallet] }),
    blockTime: async () => (await client.getBlock({ blockTag: 'latest' })).timestamp,
  };
}
