import { describe, expect, it } from 'vitest';
import { decideCompute } from '@/utils/compute/gate';
import { DEFAULT_COMPUTE_SETTINGS } from '@/utils/compute/settings';
import { addUsage, usageOn } from '@/utils/compute/usage';
import { watchIdle, type IdleSource } from '@/utils/compute/idle-watch';
import type { IdleState } from '@/utils/compute/gate';

const NOW = new Date(2026, 5, 1, 14, 0).getTime();
const on = { ...DEFAULT_COMPUTE_SETTINGS, enabled: true };
const idle = { idle: 'idle' as const, power: 'ac' as const, usage: usageOn(null, NOW) };

describe('decideCompute', () => {
  it('is off by default', () => {
    expect(decideCompute(DEFAULT_COMPUTE_SETTINGS, idle, NOW)).toEqual({ run: false, reason: 'off' });
  });

  it('runs only while the computer is idle or locked', () => {
    expect(decideCompute(on, idle, NOW)).toEqual({ run: true });
    expect(decideCompute(on, { ...idle, idle: 'locked' }, NOW)).toEqual({ run: true });
    expect(decideCompute(on, { ...idle, idle: 'active' }, NOW)).toEqual({ run: false, reason: 'user-active' });
  });

  it('honours the pause until it ends', () => {
    const paused = { ...on, pausedUntil: NOW + 1000 };
    expect(decideCompute(paused, idle, NOW)).toEqual({ run: false, reason: 'paused' });
    expect(decideCompute(paused, idle, NOW + 1000)).toEqual({ run: true });
  });

  it('waits on battery when limited to AC power; where the browser reports nothing the limit cannot apply', () => {
    expect(decideCompute(on, { ...idle, power: 'battery' }, NOW)).toEqual({ run: false, reason: 'on-battery' });
    expect(decideCompute({ ...on, acOnly: false }, { ...idle, power: 'battery' }, NOW)).toEqual({ run: true });
    expect(decideCompute(on, { ...idle, power: 'unknown' }, NOW)).toEqual({ run: true });
  });

  it('stops at the daily limit, which starts again at local midnight', () => {
    const spent = addUsage(null, NOW, { modelMs: on.minutesPerDay * 60_000 });
    expect(decideCompute(on, { ...idle, usage: usageOn(spent, NOW) }, NOW)).toEqual({ run: false, reason: 'daily-limit' });
    const tomorrow = new Date(2026, 5, 2, 0, 1).getTime();
    expect(decideCompute(on, { ...idle, usage: usageOn(spent, tomorrow) }, tomorrow)).toEqual({ run: true });
  });
});

describe('watchIdle', () => {
  function fakeIdle(initial: IdleState) {
    const listeners: ((s: IdleState) => void)[] = [];
    const source: IdleSource & { intervals: number[]; fire(s: IdleState): void } = {
      intervals: [],
      setDetectionInterval: (s) => void source.intervals.push(s),
      queryState: async () => initial,
      onStateChanged: { addListener: (cb) => void listeners.push(cb) },
      fire: (s) => listeners.forEach((cb) => cb(s)),
    };
    return source;
  }

  it('asks the browser once, then follows its events; an event is newer than the first answer', async () => {
    const source = fakeIdle('idle');
    const seen: IdleState[] = [];
    const watch = watchIdle(source, (s) => seen.push(s), 60);
    expect(source.intervals).toEqual([60]);
    expect(watch.current()).toBe('active');
    source.fire('locked');
    await Promise.resolve();
    expect(watch.current()).toBe('locked');
    source.fire('active');
    expect(watch.current()).toBe('active');
    expect(seen).toEqual(['locked', 'active']);
  });
});
