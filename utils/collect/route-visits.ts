import type { CollectPolicy, PageObservation } from '../protocol/page-observer';
import { decideTdm, type TdmRule } from '../consent/tdm';
import { observePage, type ObservedVisit } from './page-observer';
import { onRouteChange } from './route-changes';

export interface RouteVisitsOptions {
  /** The background's decision for this address: consent, pause, site rules, sensitive pages. */
  policy(url: string): Promise<CollectPolicy | undefined>;
  /** Reports a visit that has ended, with the address it was on. */
  send(observation: PageObservation, url: string): void;
  /** Asks the page's origin for its TDMRep file and has the background read and keep it; resolves to its rules. */
  tdmFile(): Promise<readonly TdmRule[]>;
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
  // The origin's rules, asked once per document at most, and only when the background holds no fresh answer.
  let file: readonly TdmRule[] | 'pending' = 'pending';
  let lookup: Promise<void> | undefined;
  // A route left before the background answered for it is not observed.
  let route = 0;
  const start = async () => {
    const mine = ++route;
    const url = win.location.href;
    const policy = await options.policy(url);
    if (mine !== route || !policy?.collect) return;
    if (policy.tdm) file = policy.tdm;
    else if (policy.signals.text) {
      lookup ??= options.tdmFile().then(
        (rules) => void (file = rules),
        () => void (file = []),
      );
    }
    const { pathname, search } = new URL(url);
    visit = observePage(win, {
      signals: policy.signals,
      tdm: (meta) => decideTdm({ path: pathname + search, meta, file }),
      send: (observation) => options.send(observation, url),
    });
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
