import { describe, expect, it } from 'vitest';
import { describeScope } from '@/utils/ui/deletions';
import { formatDay } from '@/utils/ui/format';

describe('describeScope', () => {
  it('names each kind of stored deletion scope', () => {
    expect(describeScope(JSON.stringify({ kind: 'all' }))).toBe('Everything');
    expect(describeScope(JSON.stringify({ kind: 'site', origin: 'https://a.example' }))).toBe('Site https://a.example');
    expect(describeScope(JSON.stringify({ kind: 'day', day: '2026-11-25' }))).toBe('Day 2026-11-25');
    expect(describeScope(JSON.stringify({ kind: 'items', ids: ['a'] }))).toBe('1 item');
    expect(describeScope(JSON.stringify({ kind: 'items', ids: ['a', 'b'] }))).toBe('2 items');
  });

  it('shows anything else as stored', () => {
    expect(describeScope('site https://old.example')).toBe('site https://old.example');
    expect(describeScope(JSON.stringify({ kind: 'site', origin: 'not an origin' }))).toBe('{"kind":"site","origin":"not an origin"}');
  });
});

describe('formatDay', () => {
  it('reads a day key as that local calendar day', () => {
    expect(formatDay('2026-11-25')).toBe(new Date(2026, 10, 25).toLocaleDateString(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }));
    expect(formatDay('2026-11-25')).toContain('25');
  });
});
