import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSignal } from '../../test/unit/wire/fixtures';
import { encodeVectorB64, generateDeviceKeyPair, type DeviceKeyPair, type Signal } from '../../utils/wire/index';
import type { RewardChain } from '../src/rewards/chain';
import { contentHash, cosine, scoreBundle, type ScoringContext, type ScoringRules } from '../src/rewards/scoring';
import { ensureVoucherKey } from '../src/rewards/voucher-key';
import { contribute, deleteScope, startRewardsCollector, TOKEN, type RewardsCollector } from './rewards-support';

const RULES: ScoringRules = { nearDuplicateCosine: 0.97, dailyCapUnits: 3, unitsPerSignal: 1 };
const EMPTY: ScoringContext = { earned: [], deletedSignalIds: new Set(), unitsToday: 0 };

/** A unit vector at `angle` radians from the x axis in the first two of 16 dims. */
const direction = (angle: number): number[] => Array.from({ length: 16 }, (_, i) => (i === 0 ? Math.cos(angle) : i === 1 ? Math.sin(angle) : 0));
/** direction(angle) as a signal carries it. */
const asSent = (angle: number): string => encodeVectorB64(direction(angle));
const reasons = (signals: Signal[], ctx: ScoringContext = EMPTY, rules = RULES) => scoreBundle(signals, ctx, rules).map((s) => s.reason);

describe('scoreBundle', () => {
  it('scores distinct valid signals one unit each', () => {
    const scores = scoreBundle([makeSignal(), makeSignal()], EMPTY, RULES);
    expect(scores.map((s) => [s.units, s.reason])).toEqual([
      [1, 'scored'],
      [1, 'scored'],
    ]);
  });

  it('pays an exact text+origin duplicate nothing, within the bundle and against earlier earnings', () => {
    const a = makeSignal({ text: 'Rivers  of [LOCATION]', embedding: asSent(0) });
    const sameText = makeSignal({ text: 'rivers of [location] ', embedding: asSent(1) });
    const otherSite = makeSignal({ text: a.text, origin: 'https://other.example', embedding: asSent(2) });
    expect(reasons([a, sameText, otherSite])).toEqual(['scored', 'duplicate', 'scored']);
    const earned = { earned: [{ contentHash: contentHash(a.origin, a.text), model: a.models.embed, embedding: direction(3) }], deletedSignalIds: new Set<string>(), unitsToday: 0 };
    expect(reasons([makeSignal({ text: a.text, embedding: asSent(1.5) })], earned)).toEqual(['duplicate']);
  });

  it('pays a near-duplicate embedding (cosine ≥ threshold, same model) nothing', () => {
    const base = makeSignal({ embedding: asSent(0) });
    const near = makeSignal({ embedding: asSent(0.2) }); // cos 0.98
    const far = makeSignal({ embedding: asSent(0.3) }); // cos 0.955
    const otherModel = makeSignal({ embedding: asSent(0.01), models: { embed: 'other/model', ner: 'x' } });
    expect(cosine(direction(0), direction(0.2))).toBeGreaterThan(0.97);
    expect(cosine(direction(0), direction(0.3))).toBeLessThan(0.97);
    expect(reasons([base, near, far, otherModel], EMPTY, { ...RULES, dailyCapUnits: 10 })).toEqual(['scored', 'near_duplicate', 'scored', 'scored']);
  });

  it('stops at the daily cap, counting what the day already earned', () => {
    const signals = Array.from({ length: 4 }, () => makeSignal());
    expect(reasons(signals)).toEqual(['scored', 'scored', 'scored', 'daily_cap']);
    expect(reasons(signals, { ...EMPTY, unitsToday: 2 })).toEqual(['scored', 'daily_cap', 'daily_cap', 'daily_cap']);
  });

  it('pays nothing for a deleted item sent again, blank text or a zero embedding', () => {
    const deleted = makeSignal();
    expect(reasons([deleted], { ...EMPTY, deletedSignalIds: new Set([deleted.id]) })).toEqual(['deleted_item']);
    expect(reasons([makeSignal({ text: '   ' }), makeSignal({ embedding: encodeVectorB64(new Array(16).fill(0)) })])).toEqual(['invalid', 'invalid']);
  });
});

const CHAIN_ID = 31337;
const CONTRACT = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

describe('collector: scoring, audit trail and deletion debit', () => {
  let c: RewardsCollector;
  let device: DeviceKeyPair;
  const claimed = new Map<string, bigint>();

  const fakeChain = (voucherKeyFile: string): RewardChain => {
    const key = ensureVoucherKey(voucherKeyFile);
    return {
      config: { rpcUrl: 'http://127.0.0.1:9', chainId: CHAIN_ID, chainName: 'Test', contract: CONTRACT, voucherKeyFile, voucherTtlSeconds: 3600 },
      signerKey: key.privateKey,
      signerAddress: key.address,
      claimed: async (w) => claimed.get(w) ?? 0n,
      blockTime: async () => BigInt(Math.floor(Date.now() / 1000)),
      claimFor: async () => { throw new Error('no chain in this test'); },
    };
  };

  beforeEach(async () => {
    claimed.clear();
    c = await startRewardsCollector({ chain: fakeChain, env: { COLLECTOR_REWARD_DAILY_CAP: '6' } });
    device = generateDeviceKeyPair();
  });
  afterEach(async () => c.close());

  const scoreRows = (bundleId: string) => {
    const db = new Database(join(c.dataDir, 'collector.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT signal_id, units, reason, deleted_at FROM signal_scores WHERE bundle_id = ? ORDER BY rowid').all(bundleId) as {
        signal_id: string;
        units: number;
        reason: string;
        deleted_at: number | null;
      }[];
    } finally {
      db.close();
    }
  };
  const deviceRewards = async () => (await c.app.inject({ method: 'GET', url: `/v1/devices/${device.publicKey}/rewards` })).json();

  it('credits a bundle only for what scores and keeps the reason of every signal', async () => {
    const a = makeSignal({ embedding: asSent(0) });
    const dup = makeSignal({ text: a.text, embedding: asSent(1) });
    const near = makeSignal({ embedding: asSent(0.1) });
    const b = makeSignal({ embedding: asSent(1.2) });
    const first = await contribute(c.app, device, [a, dup, near, b]);
    expect(first.receipt.credited).toBe(2);
    expect(scoreRows(first.bundleId).map((r) => [r.signal_id, r.units, r.reason])).toEqual([
      [a.id, 1, 'scored'],
      [dup.id, 0, 'duplicate'],
      [near.id, 0, 'near_duplicate'],
      [b.id, 1, 'scored'],
    ]);
    // A later bundle repeating earned content earns nothing; the cap (6 a day) stops the rest.
    const again = makeSignal({ text: b.text, embedding: asSent(2) });
    const fresh = [2.5, 3, 3.5, 4, 4.5].map((t) => makeSignal({ embedding: asSent(t) }));
    const second = await contribute(c.app, device, [again, ...fresh]);
    expect(second.receipt.credited).toBe(4);
    expect(scoreRows(second.bundleId).map((r) => r.reason)).toEqual(['duplicate', 'scored', 'scored', 'scored', 'scored', 'daily_cap']);

    const rewards = await deviceRewards();
    expect(rewards).toMatchObject({ devicePub: device.publicKey, units: 6, earned: (6n * TOKEN).toString() });
    expect(Object.keys(rewards).sort()).toEqual(['devicePub', 'earned', 'history', 'units']);
    expect(rewards.history[0]).toMatchObject({ bundleId: first.bundleId, kind: 'credit', units: 2, reasons: { scored: 2, duplicate: 1, near_duplicate: 1 } });
  });

  it('deleting withdraws what the deleted signals earned, and a re-sent deleted item earns nothing', async () => {
    const a = makeSignal({ embedding: asSent(0) });
    const dup = makeSignal({ text: a.text, embedding: asSent(1) });
    const b = makeSignal({ embedding: asSent(1.2) });
    const sent = await contribute(c.app, device, [a, dup, b]);
    expect(sent.receipt.credited).toBe(2);
    expect((await deleteScope(c.app, device, { kind: 'signals', signalIds: [dup.id] })).receipt.debited).toBe(0);
    expect((await deleteScope(c.app, device, { kind: 'signals', signalIds: [a.id] })).receipt.debited).toBe(1);
    expect(scoreRows(sent.bundleId).find((r) => r.signal_id === a.id)?.deleted_at).not.toBeNull();
    expect((await deviceRewards()).units).toBe(1);
    const resent = await contribute(c.app, device, [a]);
    expect(resent.receipt.credited).toBe(0);
    expect(scoreRows(resent.bundleId)[0]?.reason).toBe('deleted_item');
  });

  it('refuses malformed device keys', async () => {
    expect((await c.app.inject({ method: 'GET', url: '/v1/devices/XYZ/rewards' })).statusCode).toBe(400);
    expect((await c.app.inject({ method: 'GET', url: '/v1/rewards/config' })).json()).toEqual({ chainId: CHAIN_ID, contract: CONTRACT, chainName: 'Test' });
  });

  it('serves no wallet link and no reward lookup by wallet: blind tokens pay without naming a device', async () => {
    const wallet = '0x' + 'ab'.repeat(20);
    const gone = [
      c.app.inject({ method: 'POST', url: '/v1/wallet/nonce', payload: { devicePub: device.publicKey } }),
      c.app.inject({ method: 'POST', url: '/v1/wallet/link', payload: {} }),
      c.app.inject({ method: 'GET', url: `/v1/rewards/${wallet}` }),
      c.app.inject({ method: 'POST', url: '/v1/rewards/voucher', payload: { wallet } }),
    ];
    for (const res of await Promise.all(gone)) expect(res.statusCode).toBe(404);
  });
});
