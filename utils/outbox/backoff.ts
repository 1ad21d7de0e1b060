/** Retry-After is honoured up to a day, so a misbehaving server cannot park a bundle forever. */
export const BACKOFF = { baseMs: 5_000, maxMs: 60 * 60_000, maxRetryAfterMs: 24 * 60 * 60_000 } as const;

/**
 * Exponential backoff with full jitter, never shorter than the server's Retry-After: many
 * devices retrying after an outage spread out instead of arriving together.
 */
export function retryDelayMs(attempts: number, retryAfterSeconds: number | null, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** Math.min(attempts, 20));
  const jittered = Math.round(ceiling * (0.5 + random() / 2));
  return Math.max(jittered, Math.min((retryAfterSeconds ?? 0) * 1000, BACKOFF.maxRetryAfterMs));
}
