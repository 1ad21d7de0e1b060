// Reward amounts in token base units: a ledger total below 0 (deletions after credits) earns nothing.
export function unitsToWei(units: number, weiPerUnit: bigint): bigint {
  return units > 0 ? BigInt(units) * weiPerUnit : 0n;
}
