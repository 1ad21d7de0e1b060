import { collectableOrigin } from './origin';

export interface TabInfo {
  url?: string;
  active?: boolean;
  lastAccessed?: number;
}

/**
 * The site "never on this site" applies to: the active tab's origin. When the popup page is
 * itself the active tab (opened as a page rather than as the toolbar popup), the site is the
 * most recently used web tab instead; the button always names the origin it will block.
 */
export function siteForRule(tabs: readonly TabInfo[], extensionBaseUrl: string): string | null {
  const active = tabs.find((t) => t.active);
  if (!active) return null;
  const own = collectableOrigin(active.url);
  if (own || !active.url?.startsWith(extensionBaseUrl)) return own;
  const recent = tabs
    .filter((t) => !t.active && collectableOrigin(t.url))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return recent ? collectableOrigin(recent.url) : null;
}
