// What a device has earned, as its ledger says.
import type { Store } from '../db/store';
import { earnedUnits, ledgerEntries, type LedgerEntry } from './ledger';
import { unitsToWei } from './amounts';
import type { ScoreReason } from './scoring';

export interface DeviceRewardsDeps {
  store: Store;
  weiPerUnit: bigint;
}

/** One ledger row as the device sees it: units and base units, signed (debits negative), plus why signals did not score. */
export interface DeviceHistoryEntry {
  bundleId: string;
  kind: 'credit' | 'deletion';
  units: number;
  amount: string;
  signals: number;
  reasons: Partial<Record<ScoreReason, number>>;
  at: number;
}

const signedWei = (units: number, weiPerUnit: bigint): string => (BigInt(units) * weiPerUnit).toString();

function deviceHistory(entries: readonly LedgerEntry[], weiPerUnit: bigint): DeviceHistoryEntry[] {
  return entries.map((e) => ({
    bundleId: e.bundleId,
    kind: e.kind,
    units: e.units,
    amount: signedWei(e.units, weiPerUnit),
    signals: e.signalCount,
    reasons: e.reasons,
    at: e.createdAt,
  }));
}

/** For the extension: this device's own ledger total and rows. It is paid through blind tokens, so no wallet appears here. */
export async function deviceRewards(deps: DeviceRewardsDeps, devicePub: string) {
  const [units, entries] = await Promise.all([earnedUnits(deps.store.db, [devicePub]), ledgerEntries(deps.store.db, [devicePub])]);
  return {
    devicePub,
    units,
    earned: unitsToWei(units, deps.weiPerUnit).toString(),
    history: deviceHistory(entries, deps.weiPerUnit),
  };
}

