// Wallet links, link nonces, vouchers and ledger reads, straight on the store. Runs on SQLite
// (collector project) and on PostgreSQL (collector-pg project).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/db/store';
import { earnedUnits, ledgerEntries } from '../src/rewards/ledger';
import { devicesOf, issueLinkNonce, linkWallet, maxIssuedVoucher, recordVoucher, walletOf } from '../src/rewards/wallet-store';
import { openTestStore } from './harness';

const hex = (n: number) => randomBytes(n).toString('hex');
const T0 = Date.UTC(2026, 0, 5, 12);

let store: Store;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ store, close: cleanup } = await openTestStore());
});

afterAll(() => cleanup?.());

describe('wallet store', () => {
  it('links a device once, with its own unexpired unused nonce, and keeps the largest voucher', async () => {
    const device = hex(32);
    const other = hex(32);
    const wallet = '0x' + 'ab'.repeat(20);
    const nonce = hex(16);
    const link = { devicePub: device, wallet, chainId: 31337, nonce, message: 'm', walletSig: '0x00', deviceSig: 'd', linkedAt: T0 + 1 };
    await issueLinkNonce(store, { nonce, devicePub: device, issuedAt: T0, expiresAt: T0 + 60_000 });
    expect(await linkWallet(store, { ...link, devicePub: other })).toEqual({ status: 'nonce_invalid' });
    expect(await linkWallet(store, link)).toEqual({ status: 'linked' });
    expect(await linkWallet(store, link)).toEqual({ status: 'nonce_invalid' });
    const nonce2 = hex(16);
    await issueLinkNonce(store, { nonce: nonce2, devicePub: device, issuedAt: T0, expiresAt: T0 + 60_000 });
    expect(await linkWallet(store, { ...link, nonce: nonce2, wallet: '0x' + 'cd'.repeat(20) })).toEqual({ status: 'already_linked', wallet });
    const expiredNonce = hex(16);
    await issueLinkNonce(store, { nonce: expiredNonce, devicePub: other, issuedAt: T0, expiresAt: T0 + 10 });
    expect(await linkWallet(store, { ...link, devicePub: other, nonce: expiredNonce, linkedAt: T0 + 11 })).toEqual({ status: 'nonce_invalid' });

    const contract = '0x' + '11'.repeat(20);
    await recordVoucher(store.db, { wallet, chainId: 31337, contract, cumulativeAmount: 5n * 10n ** 18n, deadline: 1, issuedAt: T0 });
    await recordVoucher(store.db, { wallet, chainId: 31337, contract, cumulativeAmount: 3n * 10n ** 18n, deadline: 2, issuedAt: T0 });
    expect(await walletOf(store.db, device)).toBe(wallet);
    expect(await walletOf(store.db, other)).toBeNull();
    expect(await devicesOf(store.db, wallet)).toEqual([device]);
    expect(await maxIssuedVoucher(store.db, wallet, 31337, contract)).toBe(5n * 10n ** 18n);
    expect(await maxIssuedVoucher(store.db, wallet, 1, contract)).toBe(0n);
    expect(await earnedUnits(store.db, [])).toBe(0);
    expect(await earnedUnits(store.db, [other])).toBe(0);
    expect(await ledgerEntries(store.db, [other])).toEqual([]);
  });
});
