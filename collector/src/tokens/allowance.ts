// The one rule that turns credit into tokens: a device may obtain tokens worth what its ledger
// credits it (every kind of contribution credits the ledger) minus what it has already turned
// into tokens. Tokens already issued are never taken back: a deletion afterwards leaves a
// shortfall that the device's later credit fills before it can obtain more.
import type { Queries } from '../db/store';
import { earnedUnits } from '../rewards/ledger';
import { issuedUnits } from './store';

/** Reward units this device may still obtain as tokens. */
export async function issuableUnits(db: Queries, devicePub: string): Promise<number> {
  const [earned, issued] = await Promise.all([earnedUnits(db, [devicePub]), issuedUnits(db, devicePub)]);
  return Math.max(0, earned - issued);
}
