// POST /v1/tokens/redeem: unblinded tokens in, one voucher for their sum out, paid by claimFor.
// Nothing in the request names a device, and nothing recorded here does: the spent tokens'
// nullifiers (with their public epoch and denomination) and the wallet's voucher.
import type { Address, Hex } from 'viem';
import { signVoucher, voucherDomain, type SignedVoucher } from '../../../contracts/voucher';
import { tokenNullifier, verifyToken, type RewardToken } from '../../../utils/wire/reward-tokens';
import type { Store } from '../db/store';
import { assertVoucherSigner, type RulesInForce } from '../policy/in-force';
import type { RewardChain } from '../rewards/chain';
import { maxIssuedVoucher, recordVoucher } from '../rewards/vouchers';
import { ApiError } from '../services/errors';
import { epochAt, epochStart, isClosed, type EpochClock } from './epochs';
import type { IssuerKeys } from './issuer-keys';
import { spend } from './store';

export interface RedemptionDeps {
  store: Store;
  issuer: IssuerKeys;
  clock: EpochClock;
  chain: RewardChain;
  weiPerUnit: bigint;
  /** The community rules in force: vouchers are signed only while they name this collector's key. */
  rules: () => RulesInForce;
}

export interface Redemption {
  wallet: Address;
  units: number;
  amount: bigint;
  voucher: SignedVoucher;
  /** Null when claimFor could not be sent: the page can then submit the voucher itself. */
  txHash: Hex | null;
  status: 'success' | 'reverted' | 'not_sent';
}

const chainUnavailable = () => new ApiError(503, 'chain_unavailable', 'the reward chain did not answer; nothing was spent');

/** Every check that needs no write: well-formed batch, closed and known epochs, valid signatures. */
async function checkTokens(deps: RedemptionDeps, tokens: readonly RewardToken[]): Promise<string[]> {
  const nullifiers = tokens.map(tokenNullifier);
  if (new Set(nullifiers).size !== nullifiers.length) throw new ApiError(400, 'duplicate_token', 'the same token appears twice in this batch');
  for (const token of tokens) {
    if (!isClosed(deps.clock, token.epoch)) throw new ApiError(409, 'epoch_open', 'a token’s epoch has not closed yet; redeem it after the epoch ends');
    const pair = await deps.issuer.existing(token.epoch);
    if (!pair) throw new ApiError(400, 'unknown_epoch', 'no issuer key was ever made for a token’s epoch');
    if (!(await verifyToken(pair.publicKey, token))) {
      throw new ApiError(400, 'invalid_token', 'a token’s signature does not verify for its epoch and denomination');
    }
  }
  return nullifiers;
}

export async function redeemTokens(deps: RedemptionDeps, wallet: Address, tokens: readonly RewardToken[]): Promise<Redemption> {
  assertVoucherSigner(deps.rules(), deps.chain.signerAddress);
  const nullifiers = await checkTokens(deps, tokens);
  const units = tokens.reduce((sum, t) => sum + t.denomination, 0);
  const amount = BigInt(units) * deps.weiPerUnit;
  const { chainId, contract, voucherTtlSeconds } = deps.chain.config;
  let claimed: bigint;
  let blockTime: bigint;
  try {
    [claimed, blockTime] = await Promise.all([deps.chain.claimed(wallet), deps.chain.blockTime()]);
  } catch {
    throw chainUnavailable();
  }
  const voucher = await deps.store.unit(
    async (tx) => {
      const spent = await spend(tx, tokens.map((t, i) => ({ nullifier: nullifiers[i]!, epoch: t.epoch, denomination: t.denomination })));
      if (!spent) throw new ApiError(409, 'token_spent', 'a token in this batch was already redeemed; nothing was paid');
      // The cumulative amount never goes down: on top of what was claimed and of any voucher already signed.
      const issued = await maxIssuedVoucher(tx, wallet, chainId, contract);
      const v = { account: wallet, cumulativeAmount: (claimed > issued ? claimed : issued) + amount, deadline: blockTime + BigInt(voucherTtlSeconds) };
      // Kept to the epoch, not the moment: a redemption's time is what could tie it to a device's last bundle.
      await recordVoucher(tx, { wallet, chainId, contract, cumulativeAmount: v.cumulativeAmount, deadline: Number(v.deadline), issuedAt: epochStart(deps.clock, epochAt(deps.clock)) });
      return v;
    },
    { serializeOn: `wallet:${wallet}` },
  );
  const signature = await signVoucher(deps.chain.signerKey, voucher, voucherDomain(chainId, contract));
  const signed: SignedVoucher = { ...voucher, signature, contract, chainId };
  try {
    const sent = await deps.chain.claimFor(voucher, signature);
    return { wallet, units, amount, voucher: signed, txHash: sent.txHash, status: sent.status };
  } catch {
    return { wallet, units, amount, voucher: signed, txHash: null, status: 'not_sent' };
  }
}
