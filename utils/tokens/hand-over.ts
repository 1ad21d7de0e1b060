// How the dashboard hands tokens to the collector's claim page: in the URL's fragment, which the
// browser never sends to a server (the page removes it from the address bar at once). Nothing in
// the part of the URL the collector sees names the device.
import { z } from 'zod';
import { rewardTokenSchema, type RewardToken } from '../wire/reward-tokens';

export const handedTokensSchema = z.array(rewardTokenSchema).min(1).max(10_000);

export function handOverUrl(collectorOrigin: string, tokens: readonly RewardToken[]): string {
  const url = new URL('/claim/', collectorOrigin);
  url.hash = encodeURIComponent(JSON.stringify(tokens));
  return url.toString();
}

/** The tokens in a fragment (`#…`), or none if it holds none. */
export function tokensFromFragment(hash: string): RewardToken[] {
  if (hash.length <= 1) return [];
  try {
    const parsed = handedTokensSchema.safeParse(JSON.parse(decodeURIComponent(hash.slice(1))));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
