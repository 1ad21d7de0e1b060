// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://shop.example/feed"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROUTE_POLL_MS, onRouteChange, routeOf } from '../../../utils/collect/route-changes';
import { observeRoutes } from '../../../utils/collect/route-visits';
import { SETTLE_MAX_MS, SETTLE_QUIET_MS } from '../../../utils/collect/page-observer';
import type { CollectPolicy, PageObservation } from '../../../utils/protocol/page-observer';

const ALLOW: CollectPolicy = { collect: true, signals: { text: true, dwell: true, scroll: true }, tdm: [] };
const DENY: CollectPolicy = { ...ALLOW, collect: false };
const para = (topic: string) => `<main><h1>${topic}</h1><p>${`${topic} is what this route is about, at length. `.repeat(8)}</p></main>`;

let stops: (() => void)[] = [];
let navigation: EventTarget | undefined;

/** What the page's router does: a new address, then (in a later task) the new route's content. */
function pushRoute(path: string, topic?: string): void {
  history.pushState(null, '', path);
  navigation?.dispatchEvent(new Event('currententrychange'));
  if (topic) document.body.innerHTML = para(topic);
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 11, 2, 9) });
  history.replaceState(null, '', '/feed');
  document.body.innerHTML = para('Feed');
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  navigation = new EventTarget();
  Object.defineProperty(window, 'navigation', { configurable: true, value: navigation });
});

afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  Reflect.deleteProperty(window, 'navigation');
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('routeOf', () => {
  it('is the address without a fragment, unless the fragment is itself a route', () => {
    const at = (href: string) => routeOf(new URL(href));
    expect(at('https://a.example/docs/intro?v=2#usage')).toBe('https://a.example/docs/intro?v=2');
    expect(at('https://a.example/app#/inbox/7')).toBe('https://a.example/app#/inbox/7');
    expect(at('https://a.example/app#!/post/7')).toBe('https://a.example/app#!/post/7');
  });
});

describe('onRouteChange', () => {
  it('hears the Navigation API, and only a change of route', () => {
    const changed = vi.fn();
    stops.push(onRouteChange(window, changed));
    pushRoute('/post/1');
    expect(changed).toHaveBeenCalledTimes(1);
    // replaceState to the same address (apps saving scroll state) and a jump to a heading are not routes.
    history.replaceState({ scroll: 200 }, '', '/post/1');
    navigation!.dispatchEvent(new Event('currententrychange'));
    pushRoute('/post/1#comments');
    expect(changed).toHaveBeenCalledTimes(1);
    pushRoute('/post/2');
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('without the Navigation API, hears popstate at once and pushState within a poll', () => {
    Reflect.deleteProperty(window, 'navigation');
    navigation = undefined;
    const changed = vi.fn();
    stops.push(onRouteChange(window, changed));
    history.pushState(null, '', '/post/1');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(changed).toHaveBeenCalledTimes(1);
    history.pushState(null, '', '/post/2');
    expect(changed).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(ROUTE_POLL_MS);
    expect(changed).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(ROUTE_POLL_MS * 3);
    expect(changed).toHaveBeenCalledTimes(2);
  });
});

describe('observeRoutes: a route change is a visit', () => {
  function observe(policyFor: (url: string) => CollectPolicy = (url) => (new URL(url).pathname === '/account' ? DENY : ALLOW)) {
    const policy = vi.fn(async (url: string) => policyFor(url));
    const sent: { observation: PageObservation; url: string }[] = [];
    stops.push(observeRoutes(window, { policy, send: (observation, url) => sent.push({ observation, url }), tdmFile: async () => [] }));
    return { policy, sent };
  }

  it('reports each route with its own dwell and text, asks the policy for each, and skips /account', async () => {
    const { policy, sent } = observe();
    await vi.advanceTimersByTimeAsync(3000);
    pushRoute('/post/1', 'Lighthouses');
    await vi.advanceTimersByTimeAsync(2000);
    pushRoute('/account', 'Your saved cards and address');
    await vi.advanceTimersByTimeAsync(5000);
    pushRoute('/post/2', 'Tide pools');
    await vi.advanceTimersByTimeAsync(4000);
    window.dispatchEvent(new Event('pagehide'));

    expect(policy.mock.calls.map(([url]) => new URL(url).pathname)).toEqual(['/feed', '/post/1', '/account', '/post/2']);
    expect(sent.map((s) => new URL(s.url).pathname)).toEqual(['/feed', '/post/1', '/post/2']);
    expect(sent.map((s) => s.observation.dwellMs)).toEqual([3000, 2000, 4000]);
    const [feed, post1, post2] = sent.map((s) => s.observation.text);
    expect(feed).toMatch(/^Feed Feed is what/);
    expect(post1).toMatch(/^Lighthouses Lighthouses is what/);
    expect(post2).toMatch(/^Tide pools Tide pools is what/);
    expect(sent.map((s) => s.observation.text).join(' ')).not.toContain('saved cards');
    const t0 = Date.UTC(2026, 11, 2, 9);
    expect(sent.map((s) => s.observation.visitedAt - t0)).toEqual([0, 3000, 10_000]);
  });

  it('asks the origin for its TDMRep file once per document when the background has none, and applies it to each route’s own path', async () => {
    const tdmFile = vi.fn(async () => [{ location: '/post/1$', reservation: 1 as const }]);
    const sent: PageObservation[] = [];
    const policy = async () => ({ ...ALLOW, tdm: null });
    stops.push(observeRoutes(window, { policy, send: (observation) => sent.push(observation), tdmFile }));
    await vi.advanceTimersByTimeAsync(3000);
    pushRoute('/post/1', 'Lighthouses');
    await vi.advanceTimersByTimeAsync(3000);
    pushRoute('/post/10', 'Tide pools');
    await vi.advanceTimersByTimeAsync(3000);
    window.dispatchEvent(new Event('pagehide'));

    expect(tdmFile).toHaveBeenCalledTimes(1);
    expect(sent.map((o) => [o.text.split(' ')[0], o.tdmReserved ?? false])).toEqual([
      ['Feed', false],
      ['', true],
      ['Tide', false],
    ]);
  });

  it('takes the background’s cached rules without asking the origin', async () => {
    const tdmFile = vi.fn(async () => []);
    const sent: PageObservation[] = [];
    const policy = async () => ({ ...ALLOW, tdm: [{ location: '/', reservation: 1 as const }] });
    stops.push(observeRoutes(window, { policy, send: (observation) => sent.push(observation), tdmFile }));
    await vi.advanceTimersByTimeAsync(3000);
    window.dispatchEvent(new Event('pagehide'));
    expect(tdmFile).not.toHaveBeenCalled();
    expect(sent.map((o) => [o.text, o.tdmReserved])).toEqual([['', true]]);
  });

  it('reads a route once its content has settled, not while it is still arriving', async () => {
    const { sent } = observe();
    await vi.advanceTimersByTimeAsync(2000);
    pushRoute('/post/1');
    // The route's content arrives in pieces, each sooner than the quiet period, then stays.
    document.body.innerHTML = '<main><p>Loading</p></main>';
    for (const piece of ['Still loading', 'Almost there']) {
      await vi.advanceTimersByTimeAsync(SETTLE_QUIET_MS - 100);
      document.body.innerHTML = `<main><p>${piece}</p></main>`;
    }
    await vi.advanceTimersByTimeAsync(SETTLE_QUIET_MS - 100);
    document.body.innerHTML = para('Lighthouses');
    await vi.advanceTimersByTimeAsync(3000);
    pushRoute('/post/2', 'Tide pools');
    await vi.advanceTimersByTimeAsync(SETTLE_MAX_MS);
    window.dispatchEvent(new Event('pagehide'));
    expect(sent.map((s) => s.observation.text.split(' ')[0])).toEqual(['Feed', 'Lighthouses', 'Tide']);
  });

  it('does not observe a route the user left before the background answered for it', async () => {
    let answer: (p: CollectPolicy) => void = () => undefined;
    const policy = vi.fn((url: string) => (new URL(url).pathname === '/post/1' ? new Promise<CollectPolicy>((r) => (answer = r)) : Promise.resolve(ALLOW)));
    const sent: string[] = [];
    stops.push(observeRoutes(window, { policy, send: (_o, url) => sent.push(new URL(url).pathname), tdmFile: async () => [] }));
    await vi.advanceTimersByTimeAsync(2000);
    pushRoute('/post/1', 'Lighthouses');
    await vi.advanceTimersByTimeAsync(2000);
    pushRoute('/post/2', 'Tide pools');
    answer(ALLOW);
    await vi.advanceTimersByTimeAsync(2000);
    window.dispatchEvent(new Event('pagehide'));
    expect(sent).toEqual(['/feed', '/post/2']);
  });

  it('stopping it reports nothing and stops watching routes', async () => {
    const { policy, sent } = observe();
    await vi.advanceTimersByTimeAsync(2000);
    stops.pop()!();
    pushRoute('/post/1', 'Lighthouses');
    await vi.advanceTimersByTimeAsync(2000);
    window.dispatchEvent(new Event('pagehide'));
    expect(sent).toEqual([]);
    expect(policy).toHaveBeenCalledTimes(1);
  });
});
