import { describe, expect, it } from 'vitest';
import { onTabUpdated, type LoadedTabDeps } from '../../../utils/background/page-injection';
import { decideCollection } from '../../../utils/consent/policy';
import { DEFAULT_CONSENT, type Consent } from '../../../utils/consent/settings';

const NOW = Date.UTC(2026, 10, 25, 12);
const URL_ = 'https://news.example/rivers';

function deps(consent: Consent) {
  const calls = { decide: 0, activity: 0, injected: [] as number[] };
  const d: LoadedTabDeps = {
    async decide(page) {
      calls.decide++;
      return { decision: decideCollection(consent, page, NOW) };
    },
    browsingActivity: () => void calls.activity++,
    async inject(tabId) {
      calls.injected.push(tabId);
      return true;
    },
  };
  return { d, calls };
}

const optedIn: Consent = { ...DEFAULT_CONSENT, optedIn: true, optedInAt: NOW - 60_000 };

describe('onTabUpdated: the observer goes only into loaded pages the background may observe', () => {
  it('injects into a page that has finished loading, once consent allows it, and counts it as browsing', async () => {
    const { d, calls } = deps(optedIn);
    expect(await onTabUpdated(7, { status: 'complete' }, { url: URL_, incognito: false }, d)).toBe(true);
    expect(calls).toEqual({ decide: 1, activity: 1, injected: [7] });
  });

  it('does nothing while the page is still loading, or for other tab changes', async () => {
    const { d, calls } = deps(optedIn);
    expect(await onTabUpdated(7, { status: 'loading' }, { url: URL_, incognito: false }, d)).toBe(false);
    expect(await onTabUpdated(7, {}, { url: URL_, incognito: false }, d)).toBe(false);
    expect(calls).toEqual({ decide: 0, activity: 0, injected: [] });
  });

  it('decides nothing when the browser shows no url (no site access, as before opt-in)', async () => {
    const { d, calls } = deps(optedIn);
    expect(await onTabUpdated(7, { status: 'complete' }, { incognito: false }, d)).toBe(false);
    expect(calls.decide).toBe(0);
  });

  it('injects nowhere before opt-in, in incognito, on a denied site, on a sensitive page or while paused', async () => {
    const cases: [Consent, { url: string; incognito: boolean }][] = [
      [DEFAULT_CONSENT, { url: URL_, incognito: false }],
      [optedIn, { url: URL_, incognito: true }],
      [{ ...optedIn, siteRules: { 'https://news.example': 'deny' } }, { url: URL_, incognito: false }],
      [optedIn, { url: 'https://news.example/login', incognito: false }],
      [{ ...optedIn, pausedUntil: NOW + 60_000 }, { url: URL_, incognito: false }],
      [optedIn, { url: 'file:///home/me/notes.html', incognito: false }],
    ];
    for (const [consent, tab] of cases) {
      const { d, calls } = deps(consent);
      expect(await onTabUpdated(3, { status: 'complete' }, tab, d)).toBe(false);
      expect(calls).toEqual({ decide: 1, activity: 0, injected: [] });
    }
  });
});
