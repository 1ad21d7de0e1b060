/**
 * How often the fallback looks at the address. Reading `location.href` costs next to nothing; a
 * route seen up to this late only shifts a second of dwell from one visit to the next.
 */
export const ROUTE_POLL_MS = 1000;

/**
 * The route a document shows: its address without the fragment, unless the fragment is itself a
 * route (`#/inbox`, `#!/post/7`, as hash-routed apps write them). Jumping to a heading (`#usage`)
 * or replaceState with the same address (apps saving scroll position) is no new route.
 */
export function routeOf(location: Pick<Location, 'origin' | 'pathname' | 'search' | 'hash'>): string {
  const hashRoute = /^#!?\//.test(location.hash) ? location.hash : '';
  return `${location.origin}${location.pathname}${location.search}${hashRoute}`;
}

/**
 * Calls `onChange` each time the document's route changes: history.pushState/replaceState by the
 * page, back/forward within the document, a fragment route. The page's own calls happen in its
 * main world, invisible to the extension's isolated world except through the browser: the
 * Navigation API's `currententrychange` (Chromium 102+, Firefox 147+) is dispatched to every
 * world's listeners once the new entry is committed, needs no permission and leaves the page
 * nothing to see. Where it is missing (Firefox 140-146), traversals still fire `popstate` and
 * `hashchange`, and pushState is caught by looking at the address once a second.
 * Returns a function that stops watching.
 */
export function onRouteChange(win: Window, onChange: () => void): () => void {
  let route = routeOf(win.location);
  const check = () => {
    const next = routeOf(win.location);
    if (next === route) return;
    route = next;
    onChange();
  };
  const navigation = Reflect.get(win, 'navigation') as EventTarget | undefined;
  if (navigation) {
    navigation.addEventListener('currententrychange', check);
    return () => navigation.removeEventListener('currententrychange', check);
  }
  win.addEventListener('popstate', check);
  win.addEventListener('hashchange', check);
  const poll = win.setInterval(check, ROUTE_POLL_MS);
  return () => {
    win.removeEventListener('popstate', check);
    win.removeEventListener('hashchange', check);
    win.clearInterval(poll);
  };
}
