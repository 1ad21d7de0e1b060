// Token epochs: fixed periods of COLLECTOR_TOKEN_EPOCH_MS since the Unix epoch. Tokens are issued
// in the current epoch and redeemed only once it has closed, so every redemption of an epoch's
// tokens comes after every issuance of that epoch.
export interface EpochClock {
  epochMs: number;
  now: () => number;
}

export const epochAt = (clock: EpochClock, at = clock.now()): number => Math.floor(at / clock.epochMs);
export const epochStart = (clock: EpochClock, epoch: number): number => epoch * clock.epochMs;
export const epochEnd = (clock: EpochClock, epoch: number): number => (epoch + 1) * clock.epochMs;
export const isClosed = (clock: EpochClock, epoch: number): boolean => clock.now() >= epochEnd(clock, epoch);
