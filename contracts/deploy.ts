// Deploys RewardToken from the committed artifact. Pointing at another chain is configuration:
//   npx tsx contracts/deploy.ts --rpc URL --key HEX --signer ADDR     (or DEPLOYER_KEY=HEX in the env)
// prints {"address","chainId","deployTx"} as JSON.
import { pathToFileURL } from 'node:url';
import { createPublicClient, createWalletClient, getAddress, http, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { parseDeployArgs, writeCollectorEnv } from './deploy-cli';
import { rewardTokenAbi, rewardTokenBytecode } from './artifacts/RewardToken';

export interface DeployOptions {
  rpcUrl: string;
  deployerKey: Hex;
  signerAddress: Address;
}

export interface Deployment {
  address: Address;
  chainId: number;
  deployTx: Hex;
}

export async function deployRewardToken({ rpcUrl, deployerKey, signerAddress }: DeployOptions): Promise<Deployment> {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ transport });
  const walletClient = createWalletClient({ account: privateKeyToAccount(deployerKey), transport });
  const chainId = await publicClient.getChainId();
  const deployTx = await walletClient.deployContract({
    abi: rewardTokenAbi,
    bytecode: rewardTokenBytecode,
    args: [signerAddress],
    chain: null,
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash: deployTx });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new Error(`deployment ${deployTx} failed (status ${receipt.status})`);
  }
  return { address: getAddress(receipt.contractAddress), chainId, deployTx };
}

async function main(argv: string[]): Promise<void> {
  const args = parseDeployArgs(argv, 'contracts/deploy.ts');
  if (!args) return;
  const deployment = await deployRewardToken(args);
  if (args.envFile) {
    writeCollectorEnv(args.envFile, {
      COLLECTOR_CHAIN_RPC: args.rpcUrl,
      COLLECTOR_CHAIN_ID: String(deployment.chainId),
      COLLECTOR_REWARD_CONTRACT: deployment.address,
    });
  }
  console.log(JSON.stringify(deployment));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
