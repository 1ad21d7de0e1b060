import type { CollectPolicy, PageObservation } from '../protocol/page-observer';
import { observePage, type ObservedVisit } from './page-observer';
import { onRouteChange } from './route-changes';

export interface RouteVisitsOptions {
  /** The background's decision for this address: consent, pause, site rules, sensitive pages. */
  policy(url: string): Promise<CollectPolicy | undefined>;
  /** Reports a visit that has ended, with the address it was on. */
  send(observation: PageObservation, url: string): void;
}

/**
 * Observes a document as one visit per route. In a single-page app each route change (pushState,
 * replaceState to another address, back/forward within the document) ends the current visit,
 * which is reported with its own dwell, scroll, interactions and text, and starts the next one
 * only if the background allows the new address: a route to a login or account page is decided
 * like a page load there. Returns a function that stops observing without reporting.
 */
export function observeRoutes(win: Window, options: RouteVisitsOptions): () => void {
  let visit: ObservedVisit | undefined;
  // A route left before the background answered for it is not observed.
  let route = 0;
  const start = async () => {
    const mine = ++route;
    const url = win.location.href;
    const policy = await options.policy(url);
    if (mine !== route || !policy?.collect) return;
    visit = observePage(win, { signals: policy.signals, send: (observation) => options.send(observation, url) });
  };
  const stopWatching = onRouteChange(win, () => {
    visit?.end();
    visit = undefined;
    void start();
  });
  void start();
  return () => {
    stopWatching();
    route += 1;
    visit?.stop();
  };
}
