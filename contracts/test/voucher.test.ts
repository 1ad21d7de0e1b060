import { describe, expect, it } from 'vitest';
import { hashTypedData, hexToBytes, bytesToHex, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import {
  recoverVoucherSigner,
  signedVoucherSchema,
  signVoucher,
  VOUCHER_TYPES,
  voucherDomain,
  type Voucher,
} from '../voucher';

// Fixed test key (not a real secret): anvil dev account #1.
const KEY: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const SIGNER = privateKeyToAccount(KEY).address;
const CONTRACT = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const domain = voucherDomain(31337, CONTRACT);
const voucher: Voucher = {
  account: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  cumulativeAmount: 12_345_000_000_000_000_000n,
  deadline: 1_900_000_000n,
};

describe('voucher signing', () => {
  it('round-trips: the recovered signer is the signing key', async () => {
    const signature = await signVoucher(KEY, voucher, domain);
    expect(await recoverVoucherSigner(voucher, domain, signature)).toBe(SIGNER);
  });

  it('does not recover the signer for a changed voucher', async () => {
    const signature = await signVoucher(KEY, voucher, domain);
    const changed = { ...voucher, deadline: voucher.deadline + 1n };
    expect(await recoverVoucherSigner(changed, domain, signature)).not.toBe(SIGNER);
  });

  it('matches an independent secp256k1 implementation (noble, r||s||v with v = 27 + recovery)', async () => {
    const digest = hashTypedData({ domain, types: VOUCHER_TYPES, primaryType: 'Claim', message: voucher });
    const raw = secp256k1.sign(hexToBytes(digest), hexToBytes(KEY), { prehash: false, format: 'recovered' });
    // noble's "recovered" format is recovery‖r‖s.
    const recovery = raw[0] ?? 0;
    const expected = bytesToHex(new Uint8Array([...raw.slice(1), 27 + recovery]));
    expect(await signVoucher(KEY, voucher, domain)).toBe(expected);
  });
});

describe('signed voucher wire format', () => {
  it('parses its own serialisation back to the same voucher', async () => {
    const signed = {
      ...voucher,
      signature: await signVoucher(KEY, voucher, domain),
      contract: CONTRACT,
      chainId: 31337,
    } as const;
    const json = JSON.parse(JSON.stringify(signedVoucherSchema.encode(signed))) as unknown;
    expect(signedVoucherSchema.parse(json)).toEqual(signed);
  });

  it('rejects amounts sent as JSON numbers and malformed signatures', () => {
    const base = {
      account: voucher.account,
      cumulativeAmount: '1',
      deadline: '2',
      signature: `0x${'11'.repeat(65)}`,
      contract: CONTRACT,
      chainId: 1,
    };
    expect(signedVoucherSchema.safeParse(base).success).toBe(true);
    expect(signedVoucherSchema.safeParse({ ...base, cumulativeAmount: 1 }).success).toBe(false);
    expect(signedVoucherSchema.safeParse({ ...base, cumulativeAmount: '-1' }).success).toBe(false);
    expect(signedVoucherSchema.safeParse({ ...base, signature: '0x1234' }).success).toBe(false);
    expect(signedVoucherSchema.safeParse({ ...base, account: '0xnothex' }).success).toBe(false);
  });
});
