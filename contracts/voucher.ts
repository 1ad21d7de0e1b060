// The reward voucher, defined once: the collector signs with these definitions, the claim page
// validates with them, and RewardToken.sol verifies the same EIP-712 struct.
import { recoverTypedDataAddress, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { z } from 'zod';
import { addressSchema, chainIdSchema, ecdsaSignatureSchema, uintStringSchema } from './wire';

export const VOUCHER_DOMAIN_NAME = 'Tributary Reward';
export const VOUCHER_DOMAIN_VERSION = '1';

export const VOUCHER_TYPES = {
  Claim: [
    { name: 'account', type: 'address' },
    { name: 'cumulativeAmount', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const;

export interface Voucher {
  account: Address;
  /** Total ever owed to `account`, in token base units (18 decimals). */
  cumulativeAmount: bigint;
  /** Unix seconds; the contract rejects the voucher once block.timestamp exceeds it. */
  deadline: bigint;
}

export interface VoucherDomain {
  name: typeof VOUCHER_DOMAIN_NAME;
  version: typeof VOUCHER_DOMAIN_VERSION;
  chainId: number;
  verifyingContract: Address;
}

export function voucherDomain(chainId: number, contract: Address): VoucherDomain {
  return { name: VOUCHER_DOMAIN_NAME, version: VOUCHER_DOMAIN_VERSION, chainId, verifyingContract: contract };
}

export function signVoucher(privateKeyHex: Hex, voucher: Voucher, domain: VoucherDomain): Promise<Hex> {
  return privateKeyToAccount(privateKeyHex).signTypedData({
    domain,
    types: VOUCHER_TYPES,
    primaryType: 'Claim',
    message: voucher,
  });
}

export function recoverVoucherSigner(voucher: Voucher, domain: VoucherDomain, signature: Hex): Promise<Address> {
  return recoverTypedDataAddress({
    domain,
    types: VOUCHER_TYPES,
    primaryType: 'Claim',
    message: voucher,
    signature,
  });
}

/**
 * A signed voucher (in the reply of POST /v1/tokens/redeem): `parse` reads it off the wire,
 * `encode` writes it (amounts travel as decimal strings because JSON numbers cannot carry uint256).
 */
export const signedVoucherSchema = z.strictObject({
  account: addressSchema,
  cumulativeAmount: uintStringSchema,
  deadline: uintStringSchema,
  signature: ecdsaSignatureSchema,
  contract: addressSchema,
  chainId: chainIdSchema,
});

export type SignedVoucher = z.output<typeof signedVoucherSchema>;
export type SignedVoucherJson = z.input<typeof signedVoucherSchema>;
