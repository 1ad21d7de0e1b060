// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://news.example/articles/rivers?utm=x#top"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIN_DWELL_MS, observePage } from '../../../utils/collect/page-observer';
import type { PageObservation } from '../../../utils/protocol/page-observer';
import type { SignalToggles } from '../../../utils/consent/settings';
import { pageObservationSchema } from '../../../utils/protocol/page-observer';
import { decideTdm, type TdmRule } from '../../../utils/consent/tdm';

const ALL_ON: SignalToggles = { text: true, dwell: true, scroll: true };
const T_START = Date.UTC(2026, 10, 25, 9, 15);
const PAGE = `<main><h1>Rivers</h1><p>${'Rivers carry sediment to the sea and shape their valleys. '.repeat(6)}</p></main>`;

let clock = T_START;
let focused = true;
let visibility: DocumentVisibilityState = 'visible';
let stops: (() => void)[] = [];
/** The origin's TDMRep rules as the observer knows them, as route-visits.ts hands them over. */
let tdmFile: readonly TdmRule[] | 'pending' = [];

function setGeometry(scrollY: number, innerHeight: number, scrollHeight: number): void {
  Object.defineProperty(window, 'scrollY', { configurable: true, value: scrollY });
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: innerHeight });
  Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: scrollHeight });
}

function observe(signals: SignalToggles = ALL_ON) {
  const send = vi.fn<(o: PageObservation) => void>();
  const tdm = (meta: readonly string[]) => decideTdm({ path: '/articles/rivers?utm=x', meta, file: tdmFile });
  stops.push(observePage(window, { signals, tdm, send, now: () => clock }).stop);
  return send;
}

const nextFrame = () => new Promise<void>((resolve) => window.requestAnimationFrame(() => resolve()));

beforeEach(() => {
  clock = T_START;
  tdmFile = [];
  focused = true;
  visibility = 'visible';
  vi.spyOn(document, 'hasFocus').mockImplementation(() => focused);
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  document.title = '  Rivers and valleys  ';
  document.documentElement.lang = 'en-GB';
  document.body.innerHTML = PAGE;
  setGeometry(0, 1000, 4000);
});

afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  vi.restoreAllMocks();
});

describe('observePage', () => {
  it('a visit shorter than the minimum dwell sends nothing', () => {
    const send = observe();
    clock += MIN_DWELL_MS - 1;
    window.dispatchEvent(new Event('pagehide'));
    expect(send).not.toHaveBeenCalled();
  });

  it('pagehide reports the visit once, with the origin only and a valid observation', () => {
    const send = observe();
    clock += 30_000;
    window.dispatchEvent(new Event('pagehide'));
    clock += 5_000;
    window.dispatchEvent(new Event('pagehide'));
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(send).toHaveBeenCalledTimes(1);
    const observation = send.mock.calls[0]![0];
    expect(pageObservationSchema.safeParse(observation).success).toBe(true);
    expect(observation).toMatchObject({
      origin: 'https://news.example',
      title: 'Rivers and valleys',
      lang: 'en-GB',
      visitedAt: T_START,
      dwellMs: 30_000,
    });
    expect(observation.text).toMatch(/^Rivers Rivers carry sediment/);
  });

  it('sends well-formed text: a lone surrogate in the page becomes U+FFFD, and no cut splits an emoji', () => {
    document.title = `Rivers \uD83D and ${'🌊'.repeat(200)}`;
    document.body.innerHTML = `<main><p>Broken \uDE00 half. ${'😀'.repeat(3000)}</p></main>`;
    const send = observe();
    clock += 30_000;
    window.dispatchEvent(new Event('pagehide'));
    const observation = send.mock.calls[0]![0];
    expect(observation.title.isWellFormed()).toBe(true);
    expect(observation.text.isWellFormed()).toBe(true);
    expect(observation.title.startsWith('Rivers \uFFFD and 🌊')).toBe(true);
    expect(observation.text.startsWith('Broken \uFFFD half. 😀')).toBe(true);
    expect(pageObservationSchema.safeParse(observation).success).toBe(true);
  });

  it('the page becoming hidden ends the visit too', () => {
    const send = observe();
    clock += 2_000;
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0].dwellMs).toBe(2_000);
  });

  it('counts only time while the page is focused', () => {
    const send = observe();
    clock += 3_000;
    focused = false;
    window.dispatchEvent(new Event('blur'));
    clock += 60_000;
    focused = true;
    window.dispatchEvent(new Event('focus'));
    clock += 2_000;
    window.dispatchEvent(new Event('pagehide'));
    expect(send.mock.calls[0]![0].dwellMs).toBe(5_000);
  });

  it('a page with a password field sends nothing, however long the visit', () => {
    document.body.innerHTML = `${PAGE}<form><input type="password"></form>`;
    const send = observe();
    clock += 120_000;
    window.dispatchEvent(new Event('pagehide'));
    expect(send).not.toHaveBeenCalled();
  });

  it('stopping the observer reports nothing', () => {
    const send = observe();
    clock += 30_000;
    stops.pop()!();
    window.dispatchEvent(new Event('pagehide'));
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps the deepest scroll reached and counts interactions', async () => {
    const send = observe();
    setGeometry(3000, 1000, 4000);
    window.dispatchEvent(new Event('scroll'));
    await nextFrame();
    setGeometry(0, 1000, 4000);
    window.dispatchEvent(new Event('scroll'));
    await nextFrame();
    document.dispatchEvent(new Event('pointerdown'));
    document.dispatchEvent(new Event('keydown'));
    clock += 10_000;
    window.dispatchEvent(new Event('pagehide'));
    expect(send.mock.calls[0]![0]).toMatchObject({ scrollDepth: 1, interactions: 2 });
  });

  it('the text signal off blanks title and text but keeps the rest', () => {
    const send = observe({ ...ALL_ON, text: false });
    document.dispatchEvent(new Event('keydown'));
    clock += 10_000;
    window.dispatchEvent(new Event('pagehide'));
    expect(send.mock.calls[0]![0]).toMatchObject({ title: '', text: '', dwellMs: 10_000, scrollDepth: 0.25, interactions: 1 });
  });

  it('the dwell signal off zeroes dwell and interactions; the scroll signal off zeroes depth', () => {
    const noDwell = observe({ ...ALL_ON, dwell: false });
    document.dispatchEvent(new Event('keydown'));
    clock += 10_000;
    window.dispatchEvent(new Event('pagehide'));
    expect(noDwell.mock.calls[0]![0]).toMatchObject({ dwellMs: 0, interactions: 0, scrollDepth: 0.25, title: 'Rivers and valleys' });

    const noScroll = observe({ ...ALL_ON, scroll: false });
    clock += 10_000;
    window.dispatchEvent(new Event('pagehide'));
    expect(noScroll.mock.calls[0]![0]).toMatchObject({ scrollDepth: 0, dwellMs: 10_000 });
  });
});

describe('observePage: text and data mining reservations', () => {
  const end = () => {
    clock += 30_000;
    window.dispatchEvent(new Event('pagehide'));
  };
  const addMeta = (content: string) => {
    const meta = document.createElement('meta');
    meta.name = 'TDM-Reservation';
    meta.content = content;
    document.head.append(meta);
    stops.push(() => meta.remove());
  };

  it('a page whose tdm-reservation meta is 1 gives no title or text, says so, and keeps its visit signals', () => {
    addMeta('1');
    const send = observe();
    end();
    const observation = send.mock.calls[0]![0];
    expect(pageObservationSchema.safeParse(observation).success).toBe(true);
    expect(observation).toMatchObject({ title: '', text: '', tdmReserved: true, origin: 'https://news.example', dwellMs: 30_000, lang: 'en-GB' });
  });

  it('a rule of the origin file matching the path blanks the page; a rule for another path does not', () => {
    tdmFile = [{ location: '/articles/*$', reservation: 0 }, { location: '/articles/', reservation: 1 }];
    const notThis = observe();
    end();
    expect(notThis.mock.calls[0]![0]).toMatchObject({ title: 'Rivers and valleys' });
    expect(notThis.mock.calls[0]![0].tdmReserved).toBeUndefined();

    tdmFile = [{ location: '/other/', reservation: 0 }, { location: '/articles/rivers', reservation: 1 }];
    const reserved = observe();
    end();
    expect(reserved.mock.calls[0]![0]).toMatchObject({ title: '', text: '', tdmReserved: true });
  });

  it('the page’s meta 0 supersedes the origin’s reservation', () => {
    addMeta('0');
    tdmFile = [{ location: '/', reservation: 1 }];
    const send = observe();
    end();
    expect(send.mock.calls[0]![0].text).toMatch(/^Rivers Rivers carry sediment/);
  });

  it('a visit that ends before the origin’s file is known gives no text; one whose lookup answered in time does', async () => {
    tdmFile = 'pending';
    const early = observe();
    end();
    expect(early.mock.calls[0]![0]).toMatchObject({ title: '', text: '', tdmReserved: true });

    // Read while pending, ended once the file said nothing about the page: the text read is sent.
    vi.useFakeTimers({ now: clock });
    try {
      const late = observe();
      await vi.advanceTimersByTimeAsync(12_000);
      tdmFile = [];
      end();
      expect(late.mock.calls[0]![0].text).toMatch(/^Rivers Rivers carry sediment/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the meta tag read is the one present when the text is read: a reservation added later still blanks at the end', () => {
    const send = observe();
    addMeta('1');
    end();
    expect(send.mock.calls[0]![0]).toMatchObject({ title: '', text: '', tdmReserved: true });
  });
});
