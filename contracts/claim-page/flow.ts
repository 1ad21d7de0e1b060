// Steps of the claim page, free of DOM rendering so they can be tested. The page knows no device:
// the extension's dashboard hands it unblinded tokens in the URL's fragment (never sent to any
// server; the page removes it at once), and it has the collector redeem them for one voucher to the
// address the reader chose. Nothing that reaches the collector identifies a device.
import { BaseError, createWalletClient, custom, isAddress, getAddress, type Address, type EIP1193Provider } from 'viem';
import { claimConfigRoute, type ClaimConfig } from '../../utils/collector-api/claim-page';
import { redeemRoute, type RedeemResponse } from '../../utils/collector-api/tokens';
import { callRoute, type CollectorEndpoint } from '../../utils/collector-client/request';
import { handedTokensSchema, tokensFromFragment } from '../../utils/tokens/hand-over';
import { tokenNullifier, type RewardToken } from '../../utils/wire/reward-tokens';

export interface ClaimEnv {
  /** Collector origin the page was served from (location.origin). */
  origin: string;
  fetch: typeof fetch;
  provider: EIP1193Provider | null;
}

/** Tokens handed over but not yet redeemed stay in this page's storage, so a failed redemption can be retried. */
const STORAGE_KEY = 'tributary:tokens';

function stored(storage: Storage): RewardToken[] {
  try {
    const parsed = handedTokensSchema.safeParse(JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * The tokens to redeem: those in the fragment (then removed from the address bar and history) and
 * those kept from an earlier visit; null when there are none.
 */
export function receiveTokens(self: Window): RewardToken[] | null {
  const handed = tokensFromFragment(self.location.hash);
  if (self.location.hash) self.history.replaceState(null, '', self.location.pathname);
  const byNullifier = new Map([...stored(self.localStorage), ...handed].map((t) => [tokenNullifier(t), t]));
  const tokens = [...byNullifier.values()];
  if (tokens.length === 0) return null;
  self.localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
  return tokens;
}

/** Forgets redeemed tokens (the collector has recorded them spent). */
export function forgetTokens(self: Window, tokens: readonly RewardToken[]): void {
  const spent = new Set(tokens.map(tokenNullifier));
  const left = stored(self.localStorage).filter((t) => !spent.has(tokenNullifier(t)));
  if (left.length === 0) self.localStorage.removeItem(STORAGE_KEY);
  else self.localStorage.setItem(STORAGE_KEY, JSON.stringify(left));
}

/** EIP-1193 code for "the user rejected the request". */
const USER_REJECTED = 4001;

const collector = (env: ClaimEnv): CollectorEndpoint => ({ baseUrl: env.origin, fetch: env.fetch });

export function loadConfig(env: ClaimEnv): Promise<ClaimConfig> {
  return callRoute(collector(env), claimConfigRoute, {});
}

/** What the tokens are worth, in reward units, and which epochs they come from. */
export function describeTokens(tokens: readonly RewardToken[]): { units: number; epochs: number[] } {
  return { units: tokens.reduce((n, t) => n + t.denomination, 0), epochs: [...new Set(tokens.map((t) => t.epoch))].sort((a, b) => a - b) };
}

export function parseAddress(text: string): Address | null {
  const trimmed = text.trim();
  return isAddress(trimmed, { strict: false }) ? getAddress(trimmed) : null;
}

/** The connected wallet's address, to fill in instead of typing one. */
export async function walletAddress(provider: EIP1193Provider): Promise<Address> {
  const [address] = await createWalletClient({ transport: custom(provider) }).requestAddresses();
  if (!address) throw new Error('the wallet returned no account');
  return address;
}

/** All tokens in one batch; the collector pays the gas of claimFor. */
export function redeem(env: ClaimEnv, wallet: Address, tokens: readonly RewardToken[]): Promise<RedeemResponse> {
  return callRoute(collector(env), redeemRoute, { body: { wallet, tokens: [...tokens] } });
}

/** A wallet's refusal (the page says so in the reader's language), or the failure's own message. */
export function describeError(err: unknown): { rejected: true } | { rejected: false; message: string } {
  let e: unknown = err;
  while (typeof e === 'object' && e !== null) {
    if ((e as { code?: unknown }).code === USER_REJECTED) return { rejected: true };
    e = (e as { cause?: unknown }).cause;
  }
  if (err instanceof BaseError) return { rejected: false, message: err.shortMessage };
  return { rejected: false, message: err instanceof Error ? err.message : String(err) };
}
