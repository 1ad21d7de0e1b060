// Deploys one community's contracts from the committed artifacts: the reward token (its votes),
// a TimelockController, the governor, and CommonsPolicy owned by the timelock. When it returns the
// deployer holds no power: the timelock's admin role is renounced, the token and the policy are
// owned by the timelock, and only the governor may schedule on the timelock (anyone may execute
// what is ready).
//   npx tsx contracts/community.ts --rpc URL --key HEX --signer ADDR    (or DEPLOYER_KEY=HEX)
// prints the addresses as JSON.
import { pathToFileURL } from 'node:url';
import {
  createPublicClient,
  createWalletClient,
  getAddress,
  http,
  zeroAddress,
  type Abi,
  type Address,
  type Hex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { parseDeployArgs, writeCollectorEnv } from './deploy-cli';
import { commonsPolicyAbi, commonsPolicyBytecode } from './artifacts/CommonsPolicy';
import { rewardTokenAbi } from './artifacts/RewardToken';
import { timelockControllerAbi, timelockControllerBytecode } from './artifacts/TimelockController';
import { tributaryGovernorAbi, tributaryGovernorBytecode } from './artifacts/TributaryGovernor';
import { deployRewardToken } from './deploy';
import { commonsRulesSchema, rulesTuple, type CommonsRules } from './policy';

export interface GovernanceSettings {
  /** Blocks between a proposal and the start of its vote (the snapshot is taken then). */
  votingDelay: number;
  /** Blocks a vote lasts. */
  votingPeriod: number;
  /** Seconds a passed proposal waits in the timelock before it can run. */
  timelockDelay: number;
  /** Votes (token base units) needed to propose. */
  proposalThreshold: bigint;
  /** Percent of the supply at the snapshot that must vote for or abstain. */
  quorumPercent: number;
}

/** A week's vote, two days' wait: long enough for contributors who disagree to see a change coming (12-second blocks). */
export const DEFAULT_GOVERNANCE: GovernanceSettings = {
  votingDelay: 7_200,
  votingPeriod: 7 * 7_200,
  timelockDelay: 2 * 86_400,
  proposalThreshold: 0n,
  quorumPercent: 4,
};

export type InitialRules = Omit<CommonsRules, 'voucherSigner'>;

/** What the collector did before there was a policy contract; a community changes them by vote. */
export const DEFAULT_RULES: InitialRules = {
  rewardPerSignal: 1,
  dailyCap: 200,
  minK: 10,
  releaseCadence: 7 * 86_400,
  treasuryFeeBps: 0,
  license: 'CC-BY-4.0',
};

export interface CommunityDeployOptions {
  rpcUrl: string;
  deployerKey: Hex;
  /** The collector's voucher key address: the token's signer and the policy's first voucherSigner. */
  signerAddress: Address;
  rules?: InitialRules;
  governance?: GovernanceSettings;
}

export interface CommunityDeployment {
  chainId: number;
  token: Address;
  timelock: Address;
  governor: Address;
  policy: Address;
}

export async function deployCommunity(options: CommunityDeployOptions): Promise<CommunityDeployment> {
  const governance = options.governance ?? DEFAULT_GOVERNANCE;
  const rules = commonsRulesSchema.parse({ ...(options.rules ?? DEFAULT_RULES), voucherSigner: options.signerAddress });
  const transport = http(options.rpcUrl);
  const publicClient = createPublicClient({ transport });
  const deployer = privateKeyToAccount(options.deployerKey);
  const wallet = createWalletClient({ account: deployer, transport });

  const mined = async (hash: Hex): Promise<Address | null | undefined> => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} failed`);
    return receipt.contractAddress;
  };
  const deploy = async (abi: Abi, bytecode: Hex, args: readonly unknown[]): Promise<Address> => {
    const address = await mined(await wallet.deployContract({ abi, bytecode, args, chain: null }));
    if (!address) throw new Error('deployment returned no contract address');
    return getAddress(address);
  };

  const { address: token, chainId } = await deployRewardToken({
    rpcUrl: options.rpcUrl,
    deployerKey: options.deployerKey,
    signerAddress: options.signerAddress,
  });
  // The deployer is the timelock's temporary admin, only until the governor holds its roles.
  const timelock = await deploy(timelockControllerAbi, timelockControllerBytecode, [
    BigInt(governance.timelockDelay),
    [],
    [zeroAddress],
    deployer.address,
  ]);
  const governor = await deploy(tributaryGovernorAbi, tributaryGovernorBytecode, [
    token,
    timelock,
    governance.votingDelay,
    governance.votingPeriod,
    governance.proposalThreshold,
    BigInt(governance.quorumPercent),
  ]);
  const policy = await deploy(commonsPolicyAbi, commonsPolicyBytecode, [timelock, rulesTuple(rules)]);

  const role = (name: 'PROPOSER_ROLE' | 'CANCELLER_ROLE' | 'DEFAULT_ADMIN_ROLE') =>
    publicClient.readContract({ address: timelock, abi: timelockControllerAbi, functionName: name });
  const timelockCall = async (functionName: 'grantRole' | 'renounceRole', args: readonly [Hex, Address]) =>
    mined(await wallet.writeContract({ address: timelock, abi: timelockControllerAbi, functionName, args, chain: null }));
  await timelockCall('grantRole', [await role('PROPOSER_ROLE'), governor]);
  await timelockCall('grantRole', [await role('CANCELLER_ROLE'), governor]);
  await timelockCall('renounceRole', [await role('DEFAULT_ADMIN_ROLE'), deployer.address]);
  // The voucher signer of the token is then rotated only by a vote, like the policy's.
  await mined(
    await wallet.writeContract({ address: token, abi: rewardTokenAbi, functionName: 'transferOwnership', args: [timelock], chain: null }),
  );
  return { chainId, token, timelock, governor, policy };
}

async function main(argv: string[]): Promise<void> {
  const args = parseDeployArgs(argv, 'contracts/community.ts');
  if (!args) return;
  const deployment = await deployCommunity(args);
  if (args.envFile) {
    writeCollectorEnv(args.envFile, {
      COLLECTOR_CHAIN_RPC: args.rpcUrl,
      COLLECTOR_CHAIN_ID: String(deployment.chainId),
      COLLECTOR_REWARD_CONTRACT: deployment.token,
      COLLECTOR_POLICY_CONTRACT: deployment.policy,
      COLLECTOR_GOVERNOR_CONTRACT: deployment.governor,
    });
  }
  console.log(JSON.stringify(deployment));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
