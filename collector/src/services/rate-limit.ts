// Token buckets keyed by an opaque string (IP or devicePub). Kept in memory:
// limits are per process, which is what a single collector instance needs.
export interface RateLimiter {
  /** Takes one token; returns 0 if allowed, else the seconds to wait. */
  take(key: string, now: number): number;
}

export function tokenBucket(perMinute: number, maxKeys = 100_000): RateLimiter {
  const refillPerMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, now) {
      const b = buckets.get(key) ?? { tokens: perMinute, at: now };
      b.tokens = Math.min(perMinute, b.tokens + (now - b.at) * refillPerMs);
      b.at = now;
      // Re-insert so the Map's order is least-recently-used first.
      buckets.delete(key);
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / refillPerMs / 1000));
    },
  };
}
