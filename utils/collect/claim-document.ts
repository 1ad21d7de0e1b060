const CLAIM = Symbol.for('tributary.observer');

/**
 * True the first time it is called for a document's window, false after. A tab reports "loaded"
 * again for the same document (history.pushState, a page restored from the back/forward cache),
 * and each report injects the observer: one observer per document, which itself makes each route
 * of a single-page app a visit of its own (route-visits.ts); a second one would report every visit
 * twice. The mark lives on the extension's isolated-world window, which the page cannot see.
 */
export function claimDocument(win: Window): boolean {
  if (Reflect.get(win, CLAIM) === true) return false;
  Reflect.set(win, CLAIM, true);
  return true;
}
