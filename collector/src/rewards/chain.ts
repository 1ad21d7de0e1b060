// The reward chain as the collector sees it: the voucher signer key, two reads (claimed amount,
// latest block time) and one write: RewardToken.claimFor, sent from the voucher key's address so
// the collector pays the gas and a fresh wallet with no ether can be paid. The operator funds it.
import { createPublicClient, createWalletClient, http, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { rewardTokenAbi } from '../../../contracts/artifacts/RewardToken';
import type { Voucher } from '../../../contracts/voucher';
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
  /** Sends claimFor(voucher) and waits for it to be mined. */
  claimFor(voucher: Voucher, signature: Hex): Promise<{ txHash: Hex; status: 'success' | 'reverted' }>;
}

const RECEIPT_TIMEOUT_MS = 60_000;

export function connectRewardChain(config: ChainConfig): RewardChain {
  const signer = ensureVoucherKey(config.voucherKeyFile);
  const transport = http(config.rpcUrl, { timeout: 10_000, retryCount: 1 });
  const client = createPublicClient({ transport });
  const wallet = createWalletClient({ account: privateKeyToAccount(signer.privateKey), transport });
  // One transaction at a time from the gas account, so no two take the same nonce.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    config,
    signerKey: signer.privateKey,
    signerAddress: signer.address,
    claimed: (account) => client.readContract({ address: config.contract, abi: rewardTokenAbi, functionName: 'claimed', args: [account] }),
    blockTime: async () => (await client.getBlock({ blockTag: 'latest' })).timestamp,
    claimFor(voucher, signature) {
      const send = queue.then(async () => {
        const txHash = await wallet.writeContract({
          address: config.contract,
          abi: rewardTokenAbi,
          functionName: 'claimFor',
          args: [voucher.account, voucher.cumulativeAmount, voucher.deadline, signature],
          chain: null,
        });
        const receipt = await client.waitForTransactionReceipt({ hash: txHash, timeout: RECEIPT_TIMEOUT_MS, pollingInterval: 250 });
        return { txHash, status: receipt.status };
      });
      queue = send.catch(() => undefined);
      return send;
    },
  };
}
