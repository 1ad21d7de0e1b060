import { describe, expect, it } from 'vitest';
import {
  bundlePlaintext,
  nextBundleItems,
  signalFromItem,
  type BundlePolicy,
} from '../../../utils/bundle/build-bundle';
import { bundlePlaintextSchema, generateDeviceKeyPair, signalSchema } from '../../../utils/wire';
import { HOUR_MS, T0, makeItem, processingItem } from '../support/db';

const policy: BundlePolicy = { maxSignals: 3, maxWaitMs: 10 * 60_000 };

describe('signalFromItem', () => {
  it('rounds visitedAt down to the hour and sends the redacted text only', () => {
    const item = makeItem({ visitedAt: T0 });
    const signal = signalFromItem(item);
    expect(signal.visitedAt).toBe(Math.floor(T0 / HOUR_MS) * HOUR_MS);
    expect(signal.visitedAt % HOUR_MS).toBe(0);
    expect(T0 - signal.visitedAt).toBeLessThan(HOUR_MS);
    expect(signal.title).toBe(item.redacted.title);
    expect(signal.text).toBe(item.redacted.text);
    expect(JSON.stringify(signal)).not.toContain('raw secret');
    expect(signalSchema.safeParse(signal).success).toBe(true);
  });

  it('sends well-formed text even if an item holds a lone surrogate (U+FFFD in its place, as the dashboard shows it)', () => {
    const signal = signalFromItem(makeItem({ redacted: { title: 'Rivers \uD83D', text: '[PERSON]\uDE00 and 😀' } }));
    expect(signal.title).toBe('Rivers \uFFFD');
    expect(signal.text).toBe('[PERSON]\uFFFD and 😀');
    expect(signalSchema.safeParse(signal).success).toBe(true);
  });

  it('turns entity counts into a list and omits a too-short language tag', () => {
    const signal = signalFromItem(makeItem({ entityCounts: { PERSON: 2, EMAIL: 1 }, lang: 'x' }));
    expect(signal.entities).toEqual(expect.arrayContaining([{ type: 'PERSON', count: 2 }, { type: 'EMAIL', count: 1 }]));
    expect(signal.entities).toHaveLength(2);
    expect(signal).not.toHaveProperty('lang');
    expect(signalFromItem(makeItem({ entityCounts: {} })).entities).toEqual([]);
  });

  it('an item the models have not processed is no signal: a type error, and no raw text out at run time either', () => {
    const unprocessed = processingItem({ raw: { title: 't', text: 'raw secret text' } });
    // @ts-expect-error signalFromItem takes only processed items
    expect(() => signalFromItem(unprocessed)).toThrow();
  });
});

describe('nextBundleItems', () => {
  const at = (minutesAgo: number, now: number) => makeItem({ visitedAt: now - minutesAgo * 60_000 });
  const now = T0 + 24 * HOUR_MS;

  it('waits while there are fewer than maxSignals and the oldest is younger than maxWaitMs', () => {
    expect(nextBundleItems([at(1, now), at(9, now)], now, policy)).toEqual([]);
    expect(nextBundleItems([], now, policy, true)).toEqual([]);
  });

  it('sends once the oldest has waited maxWaitMs', () => {
    const items = [at(1, now), at(10, now)];
    expect(nextBundleItems(items, now, policy).map((i) => i.id)).toEqual([items[1]!.id, items[0]!.id]);
  });

  it('sends once maxSignals are ready', () => {
    const items = [at(3, now), at(1, now), at(2, now)];
    expect(nextBundleItems(items, now, policy).map((i) => i.id)).toEqual([items[0]!.id, items[2]!.id, items[1]!.id]);
  });

  it('force sends what is ready without waiting', () => {
    const items = [at(1, now)];
    expect(nextBundleItems(items, now, policy, true)).toEqual(items);
  });

  it('takes the oldest first and at most maxSignals, without reordering the input', () => {
    const items = [at(5, now), at(50, now), at(1, now), at(20, now), at(30, now)];
    const ids = items.map((i) => i.id);
    const chosen = nextBundleItems(items, now, policy);
    expect(chosen.map((i) => i.id)).toEqual([ids[1], ids[4], ids[3]]);
    expect(items.map((i) => i.id)).toEqual(ids);
  });
});

describe('bundlePlaintext', () => {
  it('is a valid wire plaintext', () => {
    const device = generateDeviceKeyPair();
    const plain = bundlePlaintext([makeItem(), makeItem({ origin: 'https://news.example:8443' })], device.publicKey, crypto.randomUUID(), T0);
    const parsed = bundlePlaintextSchema.safeParse(plain);
    expect(parsed.success, parsed.error?.message).toBe(true);
    expect(plain.signals).toHaveLength(2);
  });

  it('carrying an unprocessed item is a type error, and throws instead of sending raw data', () => {
    const device = generateDeviceKeyPair();
    const unprocessed = processingItem({ raw: { title: 't', text: 'raw' } });
    // @ts-expect-error a bundle carries only ready items
    expect(() => bundlePlaintext([makeItem(), unprocessed], device.publicKey, crypto.randomUUID(), T0)).toThrow();
  });
});
