import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerObserver, type ObserverDeps } from '../../../utils/background/observer-requests';
import { TDMREP_CACHED_ORIGINS } from '../../../utils/background/tdmrep-cache';
import { updateConsent } from '../../../utils/consent/settings';
import { allItems } from '../../../utils/items/item-store';
import type { PageObservation } from '../../../utils/protocol/page-observer';
import type { Db } from '../../../utils/store/db';
import { freshDb, T0 } from '../support/db';

const PAGE = { url: 'https://news.example/articles/rivers', incognito: false };
const RESERVED_FILE = JSON.stringify([{ location: '/articles/', 'tdm-reservation': 1 }]);
const ok = (body: string, cacheControl: string | null = 'max-age=600') => ({ status: 200, body, cacheControl, expires: null, date: null, age: null });

let database: Db;
let now = T0;
const deps = (): ObserverDeps => ({
  db: async () => database,
  collectorUrl: 'https://collector.example',
  browsingActivity: () => undefined,
  detectLanguage: async () => ({ isReliable: false, languages: [] }),
  now: () => now,
});

beforeEach(async () => {
  fakeBrowser.reset();
  database = await freshDb();
  now = T0;
  await updateConsent((c) => ({ ...c, optedIn: true, optedInAt: T0 - 1000 }));
});

describe('answerObserver: the origin’s TDMRep file', () => {
  it('keeps an origin’s rules for as long as its response allows, and hands them to the next visit instead of a new lookup', async () => {
    const policy = () => answerObserver({ type: 'collect-policy', url: PAGE.url }, PAGE, deps());
    expect(await policy()).toMatchObject({ collect: true, tdm: null });

    const rules = await answerObserver({ type: 'tdmrep', url: PAGE.url, response: ok(RESERVED_FILE) }, PAGE, deps());
    expect(rules).toEqual([{ location: '/articles/', reservation: 1 }]);
    now += 599_000;
    expect(await policy()).toMatchObject({ tdm: [{ location: '/articles/', reservation: 1 }] });
    now += 2000;
    expect(await policy()).toMatchObject({ tdm: null });
  });

  it('keeps each origin’s rules apart: a page only ever learns or sets its own origin’s', async () => {
    await answerObserver({ type: 'tdmrep', url: PAGE.url, response: ok(RESERVED_FILE) }, PAGE, deps());
    const other = { url: 'https://blog.example/post', incognito: false };
    expect(await answerObserver({ type: 'collect-policy', url: other.url }, other, deps())).toMatchObject({ tdm: null });
  });

  it('a failed lookup is no reservation found, asked again after a short while', async () => {
    expect(await answerObserver({ type: 'tdmrep', url: PAGE.url, response: null }, PAGE, deps())).toEqual([]);
    expect(await answerObserver({ type: 'collect-policy', url: PAGE.url }, PAGE, deps())).toMatchObject({ tdm: [] });
    now += 5 * 60_000 + 1;
    expect(await answerObserver({ type: 'collect-policy', url: PAGE.url }, PAGE, deps())).toMatchObject({ tdm: null });
  });

  it('keeps no more than the bound of origins, dropping those that expire soonest', async () => {
    for (let i = 0; i <= TDMREP_CACHED_ORIGINS; i++) {
      const page = { url: `https://site${i}.example/`, incognito: false };
      await answerObserver({ type: 'tdmrep', url: page.url, response: ok('[]', `max-age=${1000 + i}`) }, page, deps());
    }
    const stored = Object.keys(await fakeBrowser.storage.session.get(null));
    expect(stored).toHaveLength(TDMREP_CACHED_ORIGINS);
    expect(stored).not.toContain('tdmrep:https://site0.example');
    expect(stored).toContain(`tdmrep:https://site${TDMREP_CACHED_ORIGINS}.example`);
  });

  it('neither asks nor keeps anything where the user does not collect', async () => {
    await updateConsent((c) => ({ ...c, optedIn: false }));
    expect(await answerObserver({ type: 'tdmrep', url: PAGE.url, response: ok(RESERVED_FILE) }, PAGE, deps())).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('answerObserver: a reserved visit', () => {
  const observation: PageObservation = {
    origin: 'https://news.example',
    title: 'Rivers and valleys',
    text: 'Rivers carry sediment to the sea.',
    lang: 'en',
    visitedAt: T0,
    dwellMs: 12_000,
    scrollDepth: 0.5,
    interactions: 2,
  };

  it('enters an item without title or text, marked reserved, whatever text the message carries', async () => {
    await answerObserver({ type: 'page-observation', url: PAGE.url, observation: { ...observation, tdmReserved: true } }, PAGE, deps());
    const [item] = await allItems(database);
    expect(item).toMatchObject({ status: 'processing', raw: { title: '', text: '' }, tdmReserved: true, dwellMs: 12_000, origin: 'https://news.example' });
  });

  it('an unreserved visit keeps its text', async () => {
    await answerObserver({ type: 'page-observation', url: PAGE.url, observation }, PAGE, deps());
    const [item] = await allItems(database);
    expect(item).toMatchObject({ raw: { title: 'Rivers and valleys', text: 'Rivers carry sediment to the sea.' } });
    expect(item!.tdmReserved).toBeUndefined();
  });
});
