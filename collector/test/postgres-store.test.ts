// The PostgreSQL store against the SQLite one: the same calls give the same
// answers (wallet links, nonces, vouchers, ledger history), and the schema
// translation keeps what SQLite means.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresForm } from '../src/store/pg-migrate';
import { openPostgresStore } from '../src/store/postgres';
import { openSqliteStore } from '../src/store/sqlite';
import type { Store } from '../src/store/types';
import { tempDir, testDatabase } from './harness';

const hex = (n: number) => randomBytes(n).toString('hex');
const T0 = Date.UTC(2026, 0, 5, 12);

let sqlite: Store;
let postgres: Store;
let database: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  database = await testDatabase();
  sqlite = openSqliteStore(join(tempDir(), 'collector.sqlite'));
  postgres = openPostgresStore(database.url);
});

afterAll(async () => {
  await sqlite?.close();
  await postgres?.close();
  await database?.drop();
});

/** Runs one scenario on a store and returns everything it observed. */
async function walletScenario(store: Store, device: string, other: string) {
  const wallet = '0x' + 'ab'.repeat(20);
  const nonce = hex(16);
  const link = { devicePub: device, wallet, chainId: 31337, nonce, message: 'm', walletSig: '0x00', deviceSig: 'd', linkedAt: T0 + 1 };
  await store.issueLinkNonce({ nonce, devicePub: device, issuedAt: T0, expiresAt: T0 + 60_000 });
  const foreign = await store.linkWallet({ ...link, devicePub: other });
  const linked = await store.linkWallet(link);
  const reused = await store.linkWallet(link);
  const nonce2 = hex(16);
  await store.issueLinkNonce({ nonce: nonce2, devicePub: device, issuedAt: T0, expiresAt: T0 + 60_000 });
  const moved = await store.linkWallet({ ...link, nonce: nonce2, wallet: '0x' + 'cd'.repeat(20) });
  const expiredNonce = hex(16);
  await store.issueLinkNonce({ nonce: expiredNonce, devicePub: other, issuedAt: T0, expiresAt: T0 + 10 });
  const expired = await store.linkWallet({ ...link, devicePub: other, nonce: expiredNonce, linkedAt: T0 + 11 });
  const contract = '0x' + '11'.repeat(20);
  await store.recordVoucher({ wallet, chainId: 31337, contract, cumulativeAmount: 5n * 10n ** 18n, deadline: 1, issuedAt: T0 });
  await store.recordVoucher({ wallet, chainId: 31337, contract, cumulativeAmount: 3n * 10n ** 18n, deadline: 2, issuedAt: T0 });
  return {
    foreign,
    linked,
    reused,
    moved,
    expired,
    walletOf: await store.walletOf(device),
    walletOfOther: await store.walletOf(other),
    devicesOf: await store.devicesOf(wallet),
    maxVoucher: await store.maxIssuedVoucher(wallet, 31337, contract),
    noVoucher: await store.maxIssuedVoucher(wallet, 1, contract),
    earnedNone: await store.earnedUnits([]),
    earnedUnknown: await store.earnedUnits([other]),
    ledger: await store.ledgerEntries([other]),
  };
}

describe('PostgreSQL store', () => {
  it('answers the rewards calls exactly as the SQLite store does', async () => {
    const device = hex(32);
    const other = hex(32);
    const fromSqlite = await walletScenario(sqlite, device, other);
    const fromPostgres = await walletScenario(postgres, device, other);
    expect(fromPostgres).toEqual(fromSqlite);
    // And the scenario itself says something: a guard that never refuses would also be "equal".
    expect(fromPostgres).toMatchObject({
      foreign: { status: 'nonce_invalid' },
      linked: { status: 'linked' },
      reused: { status: 'nonce_invalid' },
      moved: { status: 'already_linked', wallet: '0x' + 'ab'.repeat(20) },
      expired: { status: 'nonce_invalid' },
      walletOfOther: null,
      devicesOf: [device],
      maxVoucher: 5n * 10n ** 18n,
      noVoucher: 0n,
      earnedUnknown: 0,
    });
  });

  it('translates the SQLite DDL to PostgreSQL types', () => {
    expect(postgresForm('id INTEGER PRIMARY KEY AUTOINCREMENT, t INTEGER NOT NULL, d REAL, b BLOB')).toBe(
      'id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, t BIGINT NOT NULL, d DOUBLE PRECISION, b BYTEA',
    );
  });
});
