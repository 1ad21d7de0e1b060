import { describe, expect, it } from 'vitest';
import type { ItemView } from '@/utils/protocol/ui';
import type { ItemStatus } from '@/utils/items/item';
import { countPending, dayKey, displayedContent, filterItems, groupByDayAndSite, isEditable, limitGroups } from '@/utils/ui/items';

let seq = 0;
function item(over: Partial<ItemView> & { origin: string; visitedAt: number; status?: ItemStatus }): ItemView {
  return { id: `id-${++seq}`, dwellMs: 1000, scrollDepth: 0.5, interactions: 1, attempts: 0, status: 'ready', ...over };
}

// Local times: items are grouped by the device's calendar day, as day-deletion matches them.
const DAY1 = new Date(2026, 10, 24, 10).getTime();
const DAY2 = new Date(2026, 10, 25, 9).getTime();

describe('dayKey', () => {
  it('uses the local calendar day, the one day-deletion applies to', () => {
    expect(dayKey(new Date(2026, 10, 24, 23, 59, 59).getTime())).toBe('2026-11-24');
    expect(dayKey(new Date(2026, 10, 25, 0, 0, 0).getTime())).toBe('2026-11-25');
    expect(dayKey(new Date(2026, 0, 5, 12).getTime())).toBe('2026-01-05');
  });
});

describe('groupByDayAndSite', () => {
  it('groups by day (newest first), then site (by name), items newest first', () => {
    const a = item({ origin: 'https://b.example', visitedAt: DAY1 });
    const b = item({ origin: 'https://a.example', visitedAt: DAY1 + 5000 });
    const c = item({ origin: 'https://b.example', visitedAt: DAY1 + 9000 });
    const d = item({ origin: 'https://a.example', visitedAt: DAY2 });
    const groups = groupByDayAndSite([a, b, c, d]);
    expect(groups.map((g) => [g.day, g.count])).toEqual([
      ['2026-11-25', 1],
      ['2026-11-24', 3],
    ]);
    expect(groups[1]!.sites.map((s) => [s.origin, s.items.map((i) => i.id)])).toEqual([
      ['https://a.example', [b.id]],
      ['https://b.example', [c.id, a.id]],
    ]);
  });

  it('returns nothing for no items', () => {
    expect(groupByDayAndSite([])).toEqual([]);
  });
});

describe('limitGroups', () => {
  const groups = groupByDayAndSite([
    item({ origin: 'https://a.example', visitedAt: DAY2 }),
    item({ origin: 'https://a.example', visitedAt: DAY2 + 1 }),
    item({ origin: 'https://b.example', visitedAt: DAY2 }),
    item({ origin: 'https://a.example', visitedAt: DAY1 }),
  ]);

  it('keeps the first items in display order and counts the rest', () => {
    const { groups: shown, hidden } = limitGroups(groups, 3);
    expect(hidden).toBe(1);
    expect(shown.map((d) => [d.day, d.sites.map((s) => [s.origin, s.items.length])])).toEqual([
      ['2026-11-25', [['https://a.example', 2], ['https://b.example', 1]]],
    ]);
  });

  it('cuts inside a site and leaves nothing hidden when all fit', () => {
    expect(limitGroups(groups, 1).groups[0]!.sites).toHaveLength(1);
    expect(limitGroups(groups, 1).hidden).toBe(3);
    expect(limitGroups(groups, 10)).toEqual({ groups, hidden: 0 });
  });
});

describe('filterItems', () => {
  const sent = item({ origin: 'https://news.example', visitedAt: DAY1, status: 'sent', redacted: { title: 'Rain in [LOCATION]', text: 'Storm warning' } });
  const held = item({ origin: 'https://recipes.example', visitedAt: DAY1, status: 'held', redacted: { title: 'Bread', text: 'Flour and water' } });
  const processing = item({ origin: 'https://docs.example', visitedAt: DAY2, status: 'processing', raw: { title: 'Guide', text: 'Install steps' } });
  const failed = item({ origin: 'https://docs.example', visitedAt: DAY2, status: 'failed', raw: { title: 'Broken', text: '' } });
  const all = [sent, held, processing, failed];

  it('returns everything with no query and status all', () => {
    expect(filterItems(all, { query: '', status: 'all' })).toEqual(all);
  });

  it('matches origin, title and text case-insensitively, requiring every word', () => {
    expect(filterItems(all, { query: 'STORM', status: 'all' })).toEqual([sent]);
    expect(filterItems(all, { query: 'recipes', status: 'all' })).toEqual([held]);
    expect(filterItems(all, { query: 'install guide', status: 'all' })).toEqual([processing]);
    expect(filterItems(all, { query: 'install bread', status: 'all' })).toEqual([]);
  });

  it('filters by one status, or by everything not yet sent', () => {
    expect(filterItems(all, { query: '', status: 'held' })).toEqual([held]);
    expect(filterItems(all, { query: '', status: 'pending' })).toEqual([held, processing]);
    expect(filterItems(all, { query: 'docs', status: 'failed' })).toEqual([failed]);
  });
});

describe('item status helpers', () => {
  it('counts pending as everything that will still leave', () => {
    expect(countPending({ processing: 1, held: 2, ready: 3, queued: 4, sent: 100, failed: 7 })).toBe(10);
  });

  it('allows edits only once anonymized (or failed) and before the item is bundled', () => {
    expect((['held', 'ready', 'failed'] as const).every(isEditable)).toBe(true);
    expect((['processing', 'queued', 'sent'] as const).some(isEditable)).toBe(false);
  });

  it('shows the redacted content when there is one, the raw text otherwise', () => {
    const both = item({ origin: 'https://x.example', visitedAt: DAY1, raw: { title: 'Ann', text: 'Ann' }, redacted: { title: '[PERSON]', text: '[PERSON]' } });
    expect(displayedContent(both)).toEqual({ title: '[PERSON]', text: '[PERSON]', redacted: true });
    const raw = item({ origin: 'https://x.example', visitedAt: DAY1, raw: { title: 'Ann', text: 'hi' } });
    expect(displayedContent(raw)).toEqual({ title: 'Ann', text: 'hi', redacted: false });
    expect(displayedContent(item({ origin: 'https://x.example', visitedAt: DAY1 }))).toBeNull();
  });
});
