import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSENT } from '@/utils/consent/settings';
import { exportDocument, exportFileName } from '@/utils/ui/export';
import { formatBalance, formatDuration, formatPercent, shortHash } from '@/utils/ui/format';
import { isPaused } from '@/utils/consent/settings';
import { oneHourFrom, startOfTomorrow } from '@/utils/ui/pause';

describe('format', () => {
  it('shows a dash before the collector has reported a balance', () => {
    expect(formatBalance(null)).toBe('—');
    expect(formatBalance({ balance: 12345 })).toBe('12,345');
    expect(formatBalance({ balance: 0 })).toBe('0');
  });

  it('formats durations and percentages', () => {
    expect(formatDuration(4_400)).toBe('4 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(7_440_000)).toBe('2 h 4 min');
    expect(formatPercent(0.456)).toBe('46%');
    expect(formatPercent(1.2)).toBe('100%');
  });

  it('shortens long hashes only', () => {
    expect(shortHash('abcd')).toBe('abcd');
    expect(shortHash('a'.repeat(10) + 'x'.repeat(44) + 'b'.repeat(10))).toBe(`${'a'.repeat(10)}…${'b'.repeat(10)}`);
  });
});

describe('pause', () => {
  const now = new Date(2026, 10, 25, 15, 30).getTime();

  it('pauses for an hour or until local midnight', () => {
    expect(oneHourFrom(now) - now).toBe(3_600_000);
    const t = new Date(startOfTomorrow(now));
    expect([t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes()]).toEqual([2026, 10, 26, 0, 0]);
  });

  it('is paused only while pausedUntil lies ahead', () => {
    expect(isPaused({ ...DEFAULT_CONSENT, pausedUntil: now + 1 }, now)).toBe(true);
    expect(isPaused({ ...DEFAULT_CONSENT, pausedUntil: now }, now)).toBe(false);
    expect(isPaused(DEFAULT_CONSENT, now)).toBe(false);
  });
});

describe('export', () => {
  it('wraps the listing in a versioned, parseable document', () => {
    const now = Date.UTC(2026, 10, 25, 15, 0, 7);
    const doc = JSON.parse(exportDocument({ items: [], deletions: [], inclusion: {}, communityModel: { model: null, check: null } }, now));
    expect(doc).toEqual({ format: 'tributary-export', v: 1, exportedAt: '2026-11-25T15:00:07.000Z', items: [], deletions: [], inclusion: {}, communityModel: { model: null, check: null } });
    expect(exportFileName(now)).toBe('tributary-export-2026-11-25T15-00-07.json');
  });
});
