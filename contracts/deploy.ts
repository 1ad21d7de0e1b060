// Deploys RewardToken from the committed artifact. Pointing at another chain is configuration:
//   npx tsx contracts/deploy.ts --rpc URL --key HEX --signer ADDR     (or DEPLOYER_KEY=HEX in the env)
// prints {"address","chainId","deployTx"} as JSON.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createPublicClient, createWalletClient, getAddress, http, isAddress, isHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { z } from 'zod';
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

const cliSchema = z.object({
  rpc: z.url(),
  key: z.string().refine((s): s is Hex => isHex(s) && s.length === 66, 'deployer key must be 32-byte hex'),
  signer: z.string().refine((s) => isAddress(s), 'signer must be an address').transform((s) => getAddress(s)),
});

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { rpc: { type: 'string' }, key: { type: 'string' }, signer: { type: 'string' } },
  });
  const parsed = cliSchema.safeParse({ ...values, key: values.key ?? process.env.DEPLOYER_KEY });
  if (!parsed.success) {
    console.error(`usage: tsx contracts/deploy.ts --rpc URL --key HEX|$DEPLOYER_KEY --signer ADDR\n${z.prettifyError(parsed.error)}`);
    process.exitCode = 2;
    return;
  }
  const deployment = await deployRewardToken({
    rpcUrl: parsed.data.rpc,
    deployerKey: parsed.data.key,
    signerAddress: parsed.data.signer,
  });
  console.log(JSON.stringify(deployment));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
