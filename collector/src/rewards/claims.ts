// What a wallet or a device has earned, claimed and may claim, and the signed voucher for it.
import { getAddress, type Address } from 'viem';
import { signVoucher, voucherDomain, type SignedVoucher } from '../../../contracts/voucher';
import type { WalletRewards } from '../../../utils/collector-api/claim-page';
import { ApiError } from '../services/errors';
import type { Store } from '../db/store';
import { earnedUnits, ledgerEntries, type LedgerEntry } from './ledger';
import { devicesOf, maxIssuedVoucher, recordVoucher, walletOf } from './wallet-store';
import { unitsToWei, walletAmounts, type WalletAmounts } from './amounts';
import type { RewardChain } from './chain';
import { utcDay, type ScoreReason } from './scoring';
import { assertVoucherSigner, type RulesInForce } from '../policy/in-force';

export interface ClaimsDeps {
  store: Store;
  chain: RewardChain;
  weiPerUnit: bigint;
  now: () => number;
  /** The community rules in force: vouchers are signed only while they name this collector's key. */
  rules: () => RulesInForce;
}

async function readClaimed(chain: RewardChain, wallet: Address): Promise<bigint> {
  try {
    return await chain.claimed(wallet);
  } catch {
    throw new ApiError(503, 'chain_unavailable', 'the reward chain did not answer');
  }
}

async function amountsOf(deps: ClaimsDeps, wallet: Address): Promise<WalletAmounts> {
  const devices = await devicesOf(deps.store.db, wallet);
  const [units, claimed, issued] = await Promise.all([
    earnedUnits(deps.store.db, devices),
    readClaimed(deps.chain, wallet),
    maxIssuedVoucher(deps.store.db, wallet, deps.chain.config.chainId, deps.chain.config.contract),
  ]);
  return walletAmounts(units, deps.weiPerUnit, claimed, issued);
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

/**
 * A wallet's history is per UTC day, without bundle ids or devices: the wallet address is public
 * on chain, and finer detail would tie it to browsing times.
 */
function walletHistory(entries: readonly LedgerEntry[], weiPerUnit: bigint): WalletRewards['history'] {
  const days = new Map<string, { credited: number; debited: number }>();
  for (const e of entries) {
    const d = days.get(utcDay(e.createdAt)) ?? { credited: 0, debited: 0 };
    if (e.units >= 0) d.credited += e.units;
    else d.debited -= e.units;
    days.set(utcDay(e.createdAt), d);
  }
  return [...days].map(([day, d]) => ({ day, credited: BigInt(d.credited) * weiPerUnit, debited: BigInt(d.debited) * weiPerUnit }));
}

export async function walletRewards(deps: ClaimsDeps, wallet: Address): Promise<WalletRewards> {
  const amounts = await amountsOf(deps, wallet);
  const devices = await devicesOf(deps.store.db, wallet);
  return {
    wallet,
    claimable: amounts.claimable,
    claimed: amounts.claimed,
    earned: amounts.earned,
    devices: devices.length,
    history: walletHistory(await ledgerEntries(deps.store.db, devices), deps.weiPerUnit),
  };
}

/**
 * For the extension. `pending`: earned by this device but not yet claimable because no wallet
 * is linked (0 once linked). `claimable`/`claimed`: the linked wallet's (all its devices),
 * or 0 without a wallet. `earned`: this device's own ledger total.
 */
export async function deviceRewards(deps: ClaimsDeps, devicePub: string) {
  const [wallet, units, entries] = await Promise.all([
    walletOf(deps.store.db, devicePub),
    earnedUnits(deps.store.db, [devicePub]),
    ledgerEntries(deps.store.db, [devicePub]),
  ]);
  const earned = unitsToWei(units, deps.weiPerUnit);
  const amounts = wallet ? await amountsOf(deps, getAddress(wallet)) : null;
  return {
    devicePub,
    wallet,
    units,
    earned: earned.toString(),
    pending: (amounts ? 0n : earned).toString(),
    claimable: (amounts?.claimable ?? 0n).toString(),
    claimed: (amounts?.claimed ?? 0n).toString(),
    history: deviceHistory(entries, deps.weiPerUnit),
  };
}

/** Signs a voucher for the wallet's whole entitlement, after recording it (so later ones never go below it). */
export async function issueVoucher(deps: ClaimsDeps, wallet: Address): Promise<SignedVoucher> {
  assertVoucherSigner(deps.rules(), deps.chain.signerAddress);
  if ((await devicesOf(deps.store.db, wallet)).length === 0) throw new ApiError(404, 'not_linked', 'no device is linked to this wallet');
  const amounts = await amountsOf(deps, wallet);
  if (amounts.claimable === 0n) throw new ApiError(409, 'nothing_to_claim', 'this wallet has claimed everything it earned');
  let blockTime: bigint;
  try {
    blockTime = await deps.chain.blockTime();
  } catch {
    throw new ApiError(503, 'chain_unavailable', 'the reward chain did not answer');
  }
  const { chainId, contract, voucherTtlSeconds } = deps.chain.config;
  const voucher = { account: wallet, cumulativeAmount: amounts.cumulative, deadline: blockTime + BigInt(voucherTtlSeconds) };
  await recordVoucher(deps.store.db, {
    wallet,
    chainId,
    contract,
    cumulativeAmount: voucher.cumulativeAmount,
    deadline: Number(voucher.deadline),
    issuedAt: deps.now(),
  });
  const signature = await signVoucher(deps.chain.signerKey, voucher, voucherDomain(chainId, contract));
  return { ...voucher, signature, contract, chainId };
}
