// Reward amounts in token base units. The cumulative amount a wallet may claim never goes down:
// it is the largest of what its devices earned now, what the chain says it already claimed, and
// any voucher already signed for it (a signed voucher cannot be revoked). So a deletion after a
// claim withdraws nothing already claimed; it leaves a shortfall that later earnings fill first.
export interface WalletAmounts {
  /** Devices' ledger total (credits − deletion debits), floored at 0, in base units. */
  earned: bigint;
  /** What the next voucher is for. */
  cumulative: bigint;
  claimed: bigint;
  claimable: bigint;
}

const max = (...xs: bigint[]): bigint => xs.reduce((a, b) => (b > a ? b : a));

export function unitsToWei(units: number, weiPerUnit: bigint): bigint {
  return units > 0 ? BigInt(units) * weiPerUnit : 0n;
}

export function walletAmounts(earnedUnits: number, weiPerUnit: bigint, claimed: bigint, maxIssued: bigint): WalletAmounts {
  const earned = unitsToWei(earnedUnits, weiPerUnit);
  const cumulative = max(earned, claimed, maxIssued);
  return { earned, cumulative, claimed, claimable: cumulative - claimed };
}
