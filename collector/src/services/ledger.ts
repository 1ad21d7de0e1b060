import { storedCounts } from '../bundles/queries';
import type { Queries } from '../db/store';
import { earnedUnits } from '../rewards/ledger';

// Reward policy (which signals earn units) lives in ../rewards/scoring.ts.

export interface Balance {
  devicePub: string;
  balance: number;
  bundles: number;
  signals: number;
}

export async function balanceOf(db: Queries, devicePub: string): Promise<Balance> {
  const [balance, counts] = await Promise.all([earnedUnits(db, [devicePub]), storedCounts(db, devicePub)]);
  return { devicePub, balance, ...counts };
}
