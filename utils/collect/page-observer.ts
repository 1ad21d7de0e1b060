import { TEXT_LIMITS } from '../wire/text-limits';
import type { PageObservation } from '../protocol/page-observer';
import type { SignalToggles } from '../consent/settings';
import { tdmMetaValues, type TdmDecision } from '../consent/tdm';
import { AttentionTimer } from './attention';
import { articleText } from './article-text';
import { hasCredentialFields, truncateAtWord } from './page-text';
import { scrollDepth } from './scroll-depth';

/** Visits shorter than this are bounces and tell nothing about interest. */
export const MIN_DWELL_MS = 1000;

export interface ObserverOptions {
  signals: SignalToggles;
  /** The site's text-and-data-mining reservation for this visit, given the document's `tdm-reservation` meta values. */
  tdm: (meta: readonly string[]) => TdmDecision;
  send: (observation: PageObservation) => void;
  now?: () => number;
}

/** Content that has not changed for this long has settled: a route's data has arrived and rendered. */
export const SETTLE_QUIET_MS = 500;
/** A page that never stops changing (a ticker, a video's captions) is read this long after the visit starts. */
export const SETTLE_MAX_MS = 5000;

export interface ObservedVisit {
  /** The visit ends now (the route changed) and is reported. */
  end(): void;
  /** Stops observing without reporting. */
  stop(): void;
}

/**
 * Watches one visit (a page load, or one route of a single-page app) and reports it once, when it
 * ends: the page is hidden or left, or `end` is called. Every listener is passive, and scroll is
 * sampled at most once per animation frame, so the page never waits on Tributary.
 */
export function observePage(win: Window, options: ObserverOptions): ObservedVisit {
  const now = options.now ?? (() => Date.now());
  const doc = win.document;
  const startedAt = now();
  const isActive = () => doc.visibilityState === 'visible' && doc.hasFocus();
  const attention = new AttentionTimer(isActive(), startedAt);
  let maxDepth = 0;
  let interactions = 0;
  let scrollQueued = false;
  let done = false;
  // The document's TDM metadata is read with its text, so both describe the same route.
  let read: { meta: string[]; page?: { title: string; text: string } } | undefined;

  const measureScroll = () => {
    scrollQueued = false;
    const el = doc.scrollingElement ?? doc.documentElement;
    maxDepth = Math.max(maxDepth, scrollDepth(win.scrollY, win.innerHeight, el.scrollHeight));
  };
  const onScroll = () => {
    if (scrollQueued) return;
    scrollQueued = true;
    win.requestAnimationFrame(measureScroll);
  };
  const onActivity = () => attention.setActive(isActive(), now());
  const onInteraction = () => {
    interactions += 1;
  };
  const onEnd = () => {
    if (done) return;
    attention.setActive(false, now());
    finish();
  };
  const onVisibility = () => (doc.visibilityState === 'hidden' ? onEnd() : onActivity());

  const listeners: [EventTarget, string, EventListener][] = [
    [win, 'scroll', onScroll],
    [win, 'focus', onActivity],
    [win, 'blur', onActivity],
    [doc, 'visibilitychange', onVisibility],
    [win, 'pagehide', onEnd],
    [doc, 'pointerdown', onInteraction],
    [doc, 'keydown', onInteraction],
  ];
  for (const [target, type, fn] of listeners) target.addEventListener(type, fn, { passive: true, capture: true });
  // Extraction (a copy of the page and Readability) is the observer's only heavy work: it runs once,
  // when the visit's content has settled and the page is idle, so it never competes with loading,
  // rendering or scrolling, and reads the route the user is on rather than the one being replaced.
  // A visit that ends before that is read as it ends.
  const readText = () => {
    const meta = tdmMetaValues(doc);
    // A reservation already known spares the extraction; one still being looked up does not.
    const known = options.tdm(meta);
    const reserved = known.reserved && known.reason !== 'lookup-pending';
    read = reserved ? { meta } : { meta, page: { title: doc.title, text: articleText(doc, TEXT_LIMITS.textChars) } };
  };
  const cancelRead = options.signals.text ? whenSettled(win, readText) : () => undefined;
  const stop = () => {
    done = true;
    cancelRead();
    for (const [target, type, fn] of listeners) target.removeEventListener(type, fn, { capture: true });
  };

  function finish() {
    stop();
    const dwellMs = Math.round(attention.elapsed(now()));
    if (dwellMs < MIN_DWELL_MS || hasCredentialFields(doc)) return;
    measureScroll();
    const { signals } = options;
    if (signals.text && !read) readText();
    // A site that reserves text and data mining gives no title or text: the visit keeps only the
    // reader's own signals (when, how long, how far, how often), which are not the site's content.
    const reserved = read !== undefined && options.tdm(read.meta).reserved;
    const page = reserved ? undefined : read?.page;
    options.send({
      origin: win.location.origin,
      // A page may carry lone surrogates; they become U+FFFD, as the page displays them (the wire refuses them).
      title: page ? truncateAtWord(page.title.trim(), TEXT_LIMITS.titleChars).toWellFormed() : '',
      text: page ? page.text.toWellFormed() : '',
      ...(reserved ? { tdmReserved: true as const } : {}),
      lang: doc.documentElement.lang ? doc.documentElement.lang.slice(0, 35).toWellFormed() : undefined,
      visitedAt: startedAt,
      dwellMs: signals.dwell ? Math.min(dwellMs, 86_400_000) : 0,
      scrollDepth: signals.scroll ? maxDepth : 0,
      interactions: signals.dwell ? interactions : 0,
    });
  }

  measureScroll();
  return { end: onEnd, stop };
}

/**
 * Runs `fn` once the document has not changed for `SETTLE_QUIET_MS` (or `SETTLE_MAX_MS` have
 * passed) and then the main thread is idle. Returns a cancel.
 */
export function whenSettled(win: Window, fn: () => void): () => void {
  let cancelIdle: (() => void) | undefined;
  const mutations = new MutationObserver(() => {
    win.clearTimeout(quiet);
    quiet = win.setTimeout(settled, SETTLE_QUIET_MS);
  });
  const stopWaiting = () => {
    mutations.disconnect();
    win.clearTimeout(quiet);
    win.clearTimeout(latest);
  };
  const settled = () => {
    stopWaiting();
    cancelIdle = whenIdle(win, fn);
  };
  let quiet = win.setTimeout(settled, SETTLE_QUIET_MS);
  const latest = win.setTimeout(settled, SETTLE_MAX_MS);
  mutations.observe(win.document, { childList: true, subtree: true, characterData: true });
  return () => {
    stopWaiting();
    cancelIdle?.();
  };
}

/** Runs `fn` when the page's main thread is idle (within 10 s at the latest); returns a cancel. */
function whenIdle(win: Window, fn: () => void): () => void {
  if (typeof win.requestIdleCallback === 'function') {
    const handle = win.requestIdleCallback(fn, { timeout: 10_000 });
    return () => win.cancelIdleCallback(handle);
  }
  const handle = win.setTimeout(fn, 1000);
  return () => win.clearTimeout(handle);
}
