// Steps of the claim page, free of DOM code so they can run against any EIP-1193 provider
// and any fetch. The UI (main.tsx) sequences them and renders the state in between.
import {
  BaseError,
  createPublicClient,
  createWalletClient,
  custom,
  defineChain,
  encodeFunctionData,
  toHex,
  type Address,
  type EIP1193Provider,
  type Hex,
} from 'viem';
import {
  claimConfigRoute,
  linkParamsSchema,
  voucherRoute,
  walletLinkRoute,
  walletRewardsRoute,
  type ClaimConfig,
  type LinkParams,
  type WalletLinkRequest,
  type WalletRewards,
} from '../../utils/collector-api/claim-page';
import { callRoute, type CollectorEndpoint } from '../../utils/collector-client/request';
import { rewardTokenAbi } from '../artifacts/RewardToken';
import { buildLinkMessage } from '../link-message';
import type { SignedVoucher } from '../voucher';

export interface ClaimEnv {
  provider: EIP1193Provider;
  /** Collector origin the page was served from (location.origin). */
  origin: string;
  fetch: typeof fetch;
}

/** EIP-1193 / EIP-1474 codes the page reacts to. */
const USER_REJECTED = 4001;
const UNKNOWN_CHAIN = 4902;

export function readLinkParams(search: string): LinkParams | null {
  const query = new URLSearchParams(search);
  const parsed = linkParamsSchema.safeParse({
    device: query.get('device'),
    nonce: query.get('nonce'),
    deviceSig: query.get('deviceSig'),
  });
  return parsed.success ? parsed.data : null;
}

/** The page talks to the collector that served it; a refusal carries the collector's own message. */
const collector = (env: ClaimEnv): CollectorEndpoint => ({ baseUrl: env.origin, fetch: env.fetch });

const walletClient = (env: ClaimEnv) => createWalletClient({ transport: custom(env.provider) });

export function loadConfig(env: ClaimEnv): Promise<ClaimConfig> {
  return callRoute(collector(env), claimConfigRoute, {});
}

export async function connectWallet(env: ClaimEnv): Promise<{ wallet: Address; chainId: number }> {
  const client = walletClient(env);
  const [wallet] = await client.requestAddresses();
  if (!wallet) throw new Error('the wallet returned no account');
  return { wallet, chainId: await client.getChainId() };
}

/** Asks the wallet to switch to the reward chain, adding it first if the wallet lacks it. */
export async function switchToRewardChain(env: ClaimEnv, config: ClaimConfig): Promise<void> {
  const client = walletClient(env);
  try {
    await client.switchChain({ id: config.chainId });
  } catch (err) {
    if (errorCode(err) !== UNKNOWN_CHAIN || !config.rpcUrl) throw err;
    await client.addChain({
      chain: defineChain({
        id: config.chainId,
        name: config.chainName,
        nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
        rpcUrls: { default: { http: [config.rpcUrl] } },
      }),
    });
  }
}

export async function linkWallet(
  env: ClaimEnv,
  config: ClaimConfig,
  params: LinkParams,
  wallet: Address,
  now: Date,
): Promise<void> {
  const message = buildLinkMessage({
    origin: env.origin,
    wallet,
    chainId: config.chainId,
    devicePub: params.device,
    nonce: params.nonce,
    issuedAt: now,
  });
  // personal_sign directly: viem's signMessage would do the same, but spelling it out keeps the
  // signed bytes (UTF-8 of `message`) obvious to the collector's verifyMessage.
  const walletSig = (await env.provider.request({ method: 'personal_sign', params: [toHex(message), wallet] })) as Hex;
  const request: WalletLinkRequest = {
    devicePub: params.device,
    wallet,
    chainId: config.chainId,
    nonce: params.nonce,
    message,
    walletSig,
    deviceSig: params.deviceSig,
  };
  await callRoute(collector(env), walletLinkRoute, { body: request });
}

export function loadRewards(env: ClaimEnv, wallet: Address): Promise<WalletRewards> {
  return callRoute(collector(env), walletRewardsRoute, { params: { wallet } });
}

/** Fetches a voucher, checks it is for this wallet, chain and contract, and submits claim(). */
export async function submitClaim(
  env: ClaimEnv,
  config: ClaimConfig,
  wallet: Address,
): Promise<{ txHash: Hex; voucher: SignedVoucher }> {
  const voucher = await callRoute(collector(env), voucherRoute, { body: { wallet } });
  if (voucher.account !== wallet) throw new Error('the collector issued a voucher for another account');
  if (voucher.chainId !== config.chainId || voucher.contract !== config.contract) {
    throw new Error('the collector issued a voucher for another chain or contract');
  }
  const data = encodeFunctionData({
    abi: rewardTokenAbi,
    functionName: 'claim',
    args: [voucher.cumulativeAmount, voucher.deadline, voucher.signature],
  });
  const txHash = await walletClient(env).sendTransaction({
    account: wallet,
    to: voucher.contract,
    data,
    chain: null,
  });
  return { txHash, voucher };
}

/** Polls the wallet's node until the claim is mined. */
export async function waitForClaim(env: ClaimEnv, txHash: Hex, pollingInterval = 1_000): Promise<'success' | 'reverted'> {
  const client = createPublicClient({ transport: custom(env.provider) });
  const receipt = await client.waitForTransactionReceipt({ hash: txHash, pollingInterval, timeout: 10 * 60_000 });
  return receipt.status;
}

function errorCode(err: unknown): number | undefined {
  let found: number | undefined;
  const visit = (e: unknown): void => {
    if (found !== undefined || typeof e !== 'object' || e === null) return;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'number' && (code === USER_REJECTED || code === UNKNOWN_CHAIN)) found = code;
    else visit((e as { cause?: unknown }).cause);
  };
  visit(err);
  return found;
}

/** A wallet's refusal (the page says so in the reader's language), or the failure's own message. */
export function describeError(err: unknown): { rejected: true } | { rejected: false; message: string } {
  if (errorCode(err) === USER_REJECTED) return { rejected: true };
  if (err instanceof BaseError) return { rejected: false, message: err.shortMessage };
  return { rejected: false, message: err instanceof Error ? err.message : String(err) };
}
