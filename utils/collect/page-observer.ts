import { TEXT_LIMITS } from '../wire/text-limits';
import type { PageObservation } from '../protocol/page-observer';
import type { SignalToggles } from '../consent/settings';
import { AttentionTimer } from './attention';
import { articleText } from './article-text';
import { hasCredentialFields, truncateAtWord } from './page-text';
import { scrollDepth } from './scroll-depth';

/** Visits shorter than this are bounces and tell nothing about interest. */
export const MIN_DWELL_MS = 1000;

export interface ObserverOptions {
  signals: SignalToggles;
  send: (observation: PageObservation) => void;
  now?: () => number;
}

/**
 * Watches one page load and reports it once, when the visit ends (the page is hidden or left).
 * Every listener is passive, and scroll is sampled at most once per animation frame, so the
 * page never waits on Tributary. Returns a function that stops observing without reporting.
 */
export function observePage(win: Window, options: ObserverOptions): () => void {
  const now = options.now ?? (() => Date.now());
  const doc = win.document;
  const startedAt = now();
  const isActive = () => doc.visibilityState === 'visible' && doc.hasFocus();
  const attention = new AttentionTimer(isActive(), startedAt);
  let maxDepth = 0;
  let interactions = 0;
  let scrollQueued = false;
  let done = false;
  let text: string | undefined;

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
  // when the page is idle, so it never competes with loading or scrolling.
  const readText = () => {
    text = articleText(doc, TEXT_LIMITS.textChars);
  };
  const idle = options.signals.text ? whenIdle(win, readText) : () => undefined;
  const stop = () => {
    done = true;
    idle();
    for (const [target, type, fn] of listeners) target.removeEventListener(type, fn, { capture: true });
  };

  function finish() {
    stop();
    const dwellMs = Math.round(attention.elapsed(now()));
    if (dwellMs < MIN_DWELL_MS || hasCredentialFields(doc)) return;
    measureScroll();
    const { signals } = options;
    options.send({
      origin: win.location.origin,
      // A page may carry lone surrogates; they become U+FFFD, as the page displays them (the wire refuses them).
      title: signals.text ? truncateAtWord(doc.title.trim(), TEXT_LIMITS.titleChars).toWellFormed() : '',
      text: signals.text ? (text ?? articleText(doc, TEXT_LIMITS.textChars)).toWellFormed() : '',
      lang: doc.documentElement.lang ? doc.documentElement.lang.slice(0, 35).toWellFormed() : undefined,
      visitedAt: startedAt,
      dwellMs: signals.dwell ? Math.min(dwellMs, 86_400_000) : 0,
      scrollDepth: signals.scroll ? maxDepth : 0,
      interactions: signals.dwell ? interactions : 0,
    });
  }

  measureScroll();
  return stop;
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
