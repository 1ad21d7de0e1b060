import { localDay } from '../background/deletion';
import type { ItemStatus } from '../items/item';
import type { ItemView } from '../protocol/ui';
import { i18n } from '#i18n';

/**
 * Anonymized (or failed) but not yet bundled: the background accepts edits of these, and sends
 * the edited text through anonymization again. Items still being anonymized cannot be edited.
 */
export const EDITABLE_STATUSES: readonly ItemStatus[] = ['held', 'ready', 'failed'];
/** Will leave the device unless the user intervenes. */
export const PENDING_STATUSES: readonly ItemStatus[] = ['processing', 'held', 'ready', 'queued'];

export function statusLabel(status: ItemStatus): string {
  switch (status) {
    case 'processing':
      return i18n.t('status.processing');
    case 'held':
      return i18n.t('status.held');
    case 'ready':
      return i18n.t('status.ready');
    case 'queued':
      return i18n.t('status.queued');
    case 'sent':
      return i18n.t('status.sent');
    case 'failed':
      return i18n.t('status.failed');
  }
}

export function isEditable(status: ItemStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

export function countPending(counts: Record<ItemStatus, number>): number {
  return PENDING_STATUSES.reduce((sum, s) => sum + counts[s], 0);
}

/** The day an item belongs to, exactly as "delete this day" matches it: the device's local calendar day. */
export const dayKey: (ts: number) => string = localDay;

export interface SiteGroup {
  origin: string;
  items: ItemView[];
}
export interface DayGroup {
  day: string;
  sites: SiteGroup[];
  count: number;
}

/** Days newest first; within a day, sites by name; within a site, visits newest first. */
export function groupByDayAndSite(items: readonly ItemView[]): DayGroup[] {
  const days = new Map<string, Map<string, ItemView[]>>();
  for (const item of items) {
    const day = dayKey(item.visitedAt);
    let sites = days.get(day);
    if (!sites) days.set(day, (sites = new Map()));
    const list = sites.get(item.origin);
    if (list) list.push(item);
    else sites.set(item.origin, [item]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([day, sites]) => {
      const groups = [...sites.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([origin, list]) => ({ origin, items: [...list].sort((x, y) => y.visitedAt - x.visitedAt) }));
      return { day, sites: groups, count: groups.reduce((n, g) => n + g.items.length, 0) };
    });
}

/**
 * The first `limit` items of the grouping, in display order, keeping the day and site headings
 * of what is shown; `hidden` counts the rest. Rendering tens of thousands of cards at once would
 * freeze the page.
 */
export function limitGroups(groups: readonly DayGroup[], limit: number): { groups: DayGroup[]; hidden: number } {
  let left = limit;
  let hidden = 0;
  const shown: DayGroup[] = [];
  for (const day of groups) {
    const sites: SiteGroup[] = [];
    for (const site of day.sites) {
      const take = site.items.slice(0, Math.max(0, left));
      left -= take.length;
      hidden += site.items.length - take.length;
      if (take.length) sites.push({ origin: site.origin, items: take });
    }
    if (sites.length) shown.push({ day: day.day, sites, count: day.count });
  }
  return { groups: shown, hidden };
}

export type StatusFilter = 'all' | 'pending' | ItemStatus;

export interface ItemFilter {
  query: string;
  status: StatusFilter;
}

function matchesStatus(status: ItemStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'pending') return PENDING_STATUSES.includes(status);
  return status === filter;
}

/** The text a search looks through: the origin and whatever title and text the item holds. */
function searchableText(item: ItemView): string {
  return [item.origin, item.redacted?.title, item.redacted?.text, item.raw?.title, item.raw?.text]
    .filter((s): s is string => typeof s === 'string')
    .join('\n')
    .toLowerCase();
}

/** Case-insensitive: every whitespace-separated word of the query must appear somewhere in the item. */
export function filterItems(items: readonly ItemView[], { query, status }: ItemFilter): ItemView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (!matchesStatus(item.status, status)) return false;
    if (words.length === 0) return true;
    const haystack = searchableText(item);
    return words.every((w) => haystack.includes(w));
  });
}

/** The title and text as they leave (or would leave) the device; the raw text only while none exists yet. */
export function displayedContent(item: ItemView): { title: string; text: string; redacted: boolean } | null {
  if (item.redacted) return { ...item.redacted, redacted: true };
  if (item.raw) return { ...item.raw, redacted: false };
  return null;
}
