// Vouchers and ledger reads, straight on the store. Runs on SQLite (collector project) and on
// PostgreSQL (collector-pg project).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/db/store';
import { earnedUnits, ledgerEntries } from '../src/rewards/ledger';
import { maxIssuedVoucher, recordVoucher } from '../src/rewards/vouchers';
import { openTestStore } from './harness';

const hex = (n: number) => randomBytes(n).toString('hex');
const T0 = Date.UTC(2026, 0, 5, 12);

let store: Store;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ store, close: cleanup } = await openTestStore());
});

afterAll(() => cleanup?.());

describe('voucher store', () => {
  it('keeps the largest voucher per wallet, chain and contract', async () => {
    const wallet = '0x' + 'ab'.repeat(20);
    const other = hex(32);
    const contract = '0x' + '11'.repeat(20);
    await recordVoucher(store.db, { wallet, chainId: 31337, contract, cumulativeAmount: 5n * 10n ** 18n, deadline: 1, issuedAt: T0 });
    await recordVoucher(store.db, { wallet, chainId: 31337, contract, cumulativeAmount: 3n * 10n ** 18n, deadline: 2, issuedAt: T0 });
    expect(await maxIssuedVoucher(store.db, wallet, 31337, contract)).toBe(5n * 10n ** 18n);
    expect(await maxIssuedVoucher(store.db, wallet, 1, contract)).toBe(0n);
    expect(await earnedUnits(store.db, [])).toBe(0);
    expect(await earnedUnits(store.db, [other])).toBe(0);
    expect(await ledgerEntries(store.db, [other])).toEqual([]);
  });
});
