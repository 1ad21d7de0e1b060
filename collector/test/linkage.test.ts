// Can the collector's operator tell which device a redemption paid? 20 devices contribute and obtain
// tokens in one epoch, then redeem them to fresh wallets in an order of their own. An attacker holding
// the whole database and every log line first looks for any row or line that names a device (key,
// bundle id, address) beside a nullifier or a wallet, then matches redemptions to devices with what
// is left: equal amounts, and the order rows and log lines were written in.
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSignal } from '../../test/unit/wire/fixtures';
import { generateDeviceKeyPair, type DeviceKeyPair } from '../../utils/wire/index';
import { tokenNullifier, type RewardToken } from '../../utils/wire/reward-tokens';
import { startRewardChain, type RewardChain } from './reward-chain';
import { contribute, startRewardsCollector, type RewardsCollector } from './rewards-support';
import { movableClock, obtainTokens, redeem } from './tokens-support';

const DEVICES = 20;
const UNITS_EACH = 2;
const EPOCH_MS = 3_600_000;

/** Deterministic shuffle (mulberry32): the order the users happen to come back in. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Device {
  keys: DeviceKeyPair;
  bundleIds: string[];
  tokens: RewardToken[];
  wallet: string;
}

describe('linkage: the collector’s database and logs do not tie a redemption to a device', () => {
  let chain: RewardChain;
  let c: RewardsCollector;
  const clock = movableClock(EPOCH_MS);
  const logLines: string[] = [];
  const devices: Device[] = [];

  beforeAll(async () => {
    chain = await startRewardChain();
    const logs = new PassThrough();
    logs.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    c = await startRewardsCollector({ env: { ...chain.collectorEnv, COLLECTOR_TOKEN_EPOCH_MS: String(EPOCH_MS) }, now: clock.now, logStream: logs });
    for (let i = 0; i < DEVICES; i++) {
      const keys = generateDeviceKeyPair();
      const sent = await contribute(c.app, keys, Array.from({ length: UNITS_EACH }, () => makeSignal()), clock.now());
      devices.push({ keys, bundleIds: [sent.bundleId], tokens: await obtainTokens(c.app, keys, UNITS_EACH, clock.now()), wallet: privateKeyToAccount(generatePrivateKey()).address });
    }
    clock.closeEpoch();
    for (const d of shuffled(devices, 17)) {
      const res = await redeem(c.app, d.wallet, d.tokens);
      if (res.statusCode !== 200) throw new Error(`redemption refused: ${res.body}`);
    }
  }, 300_000);

  afterAll(async () => {
    await c?.close();
    await chain?.stop();
  });

  function dump(): { table: string; rows: Record<string, unknown>[] }[] {
    const db = new Database(join(c.dataDir, 'collector.sqlite'), { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
      return tables.map(({ name }) => ({ table: name, rows: db.prepare(`SELECT rowid AS _rowid, * FROM "${name}"`).all() as Record<string, unknown>[] }));
    } finally {
      db.close();
    }
  }

  it('no row and no log line carries a device key, bundle id or address next to a nullifier or wallet', () => {
    const deviceMarks = [...devices.flatMap((d) => [d.keys.publicKey, ...d.bundleIds]), '127.0.0.1'].map((m) => m.toLowerCase());
    const spendMarks = devices.flatMap((d) => [d.wallet, ...d.tokens.map(tokenNullifier)]).map((m) => m.toLowerCase());
    const joins = (text: string) => deviceMarks.some((m) => text.includes(m)) && spendMarks.some((m) => text.includes(m));
    const tables = dump();
    // The attacker's material is really there: redemptions are recorded, devices are recorded.
    const all = JSON.stringify(tables).toLowerCase();
    expect(spendMarks.every((m) => all.includes(m))).toBe(true);
    expect(deviceMarks.slice(0, -1).every((m) => all.includes(m))).toBe(true);
    const joiningRows = tables.flatMap(({ table, rows }) => rows.filter((r) => joins(JSON.stringify(r).toLowerCase())).map(() => table));
    expect(joiningRows).toEqual([]);
    expect(logLines.length).toBeGreaterThan(DEVICES * 2);
    expect(logLines.filter((l) => joins(l.toLowerCase()))).toEqual([]);
  });

  it('matching redemptions to devices by amount and write order does no better than chance', () => {
    const tables = Object.fromEntries(dump().map(({ table, rows }) => [table, rows]));
    const rowOrder = (r: Record<string, unknown>) => Number(r._rowid);
    // Issuance rows: device and units, in the order written. Vouchers: wallet and amount, in the order written.
    const issued = [...(tables.token_issuance ?? [])].sort((a, b) => rowOrder(a) - rowOrder(b));
    const vouchers = [...(tables.vouchers ?? [])].sort((a, b) => rowOrder(a) - rowOrder(b));
    expect(issued).toHaveLength(DEVICES);
    expect(vouchers).toHaveLength(DEVICES);
    const unitsOf = (wei: unknown) => Number(BigInt(String(wei)) / 10n ** 18n);
    // Best guess per redemption: among devices whose issued units equal the voucher's amount, the one
    // issued at the same position in the write order (log lines are written in that same order).
    const guesses = vouchers.map((v, i) => {
      const candidates = issued.filter((r) => Number(r.units) === unitsOf(v.cumulative_amount));
      const guess = candidates[Math.min(i, candidates.length - 1)];
      return { wallet: String(v.wallet), device: String(guess?.device_pub), candidates: candidates.length };
    });
    const truth = new Map(devices.map((d) => [d.wallet, d.keys.publicKey]));
    const correct = guesses.filter((g) => truth.get(g.wallet) === g.device).length;
    const anonymitySet = Math.min(...guesses.map((g) => g.candidates));
    const accuracy = correct / DEVICES;
    console.info(`linkage: ${correct}/${DEVICES} redemptions matched (accuracy ${accuracy.toFixed(2)}); chance = 1/${anonymitySet} = ${(1 / anonymitySet).toFixed(2)}`);
    expect(anonymitySet).toBe(DEVICES);
    // Chance over 20 is 1 expected match; 3 or more happens with probability < 0.08 for a random order.
    expect(correct).toBeLessThanOrEqual(2);
  });
});
