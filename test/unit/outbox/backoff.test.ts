import { describe, expect, it } from 'vitest';
import { BACKOFF, retryDelayMs } from '../../../utils/outbox/backoff';

const lowest = () => 0;
// Math.random() is in [0, 1): this is its largest value.
const highest = () => 1 - Number.EPSILON;

describe('retryDelayMs', () => {
  it('grows exponentially from the base', () => {
    expect(retryDelayMs(0, null, highest)).toBe(BACKOFF.baseMs);
    expect(retryDelayMs(1, null, highest)).toBe(2 * BACKOFF.baseMs);
    expect(retryDelayMs(3, null, highest)).toBe(8 * BACKOFF.baseMs);
    for (let a = 0; a < 8; a++) expect(retryDelayMs(a + 1, null, highest)).toBeGreaterThan(retryDelayMs(a, null, highest));
  });

  it('is capped at the maximum however many attempts', () => {
    expect(retryDelayMs(30, null, highest)).toBe(BACKOFF.maxMs);
    expect(retryDelayMs(1_000, null, highest)).toBe(BACKOFF.maxMs);
    expect(Number.isFinite(retryDelayMs(1e9, null, highest))).toBe(true);
  });

  it('jitters between half and all of the ceiling', () => {
    expect(retryDelayMs(2, null, lowest)).toBe(2 * BACKOFF.baseMs);
    expect(retryDelayMs(2, null, () => 0.5)).toBe(3 * BACKOFF.baseMs);
    for (let i = 0; i < 200; i++) {
      const d = retryDelayMs(4, null);
      expect(d).toBeGreaterThanOrEqual(8 * BACKOFF.baseMs);
      expect(d).toBeLessThanOrEqual(16 * BACKOFF.baseMs);
    }
  });

  it('never waits less than Retry-After', () => {
    expect(retryDelayMs(0, 120, highest)).toBe(120_000);
    expect(retryDelayMs(0, 10, lowest)).toBe(10_000);
    expect(retryDelayMs(30, 2 * 3600, highest)).toBe(2 * 3600 * 1000);
    // A Retry-After shorter than the backoff does not shorten it.
    expect(retryDelayMs(3, 1, highest)).toBe(8 * BACKOFF.baseMs);
  });
});
