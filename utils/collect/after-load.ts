/**
 * Resolves once the page has fired `load` (at once if it already has). Nothing of Tributary —
 * not even the message asking the background whether to observe — runs while the page is still
 * loading, so the extension never competes with the page it is about to observe.
 */
export function afterLoad(win: Window): Promise<void> {
  if (win.document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => win.addEventListener('load', () => resolve(), { once: true }));
}
