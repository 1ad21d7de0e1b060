// Every voucher signed for a wallet: a later one never goes below the largest already signed.
import type { Queries } from '../db/store';

export interface IssuedVoucher {
  wallet: string;
  chainId: number;
  contract: string;
  cumulativeAmount: bigint;
  deadline: number;
  issuedAt: number;
}

export async function recordVoucher(db: Queries, v: IssuedVoucher): Promise<void> {
  await db
    .insertInto('vouchers')
    .values({
      wallet: v.wallet,
      chain_id: v.chainId,
      contract: v.contract,
      cumulative_amount: v.cumulativeAmount.toString(),
      deadline: v.deadline,
      issued_at: v.issuedAt,
    })
    .execute();
}

/** Largest cumulative amount ever signed for this wallet on this chain + contract (0n if none). */
export async function maxIssuedVoucher(db: Queries, wallet: string, chainId: number, contract: string): Promise<bigint> {
  const rows = await db
    .selectFrom('vouchers')
    .select('cumulative_amount')
    .where('wallet', '=', wallet)
    .where('chain_id', '=', chainId)
    .where('contract', '=', contract)
    .execute();
  return rows.reduce((max, r) => (BigInt(r.cumulative_amount) > max ? BigInt(r.cumulative_amount) : max), 0n);
}
