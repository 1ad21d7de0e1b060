/**
 * Anonymizing and embedding a visit takes seconds of CPU. Started the moment a visit ends, it
 * competes with the load of the page the user is opening next, so model work waits for a pause
 * in browsing: QUIET_MS without browsing activity (a page loaded, a visit ended) — the user is
 * reading, not navigating — or at most MAX_DEFER_MS after the first activity it has waited for,
 * so that continuous browsing still gets processed. It is asked again before every batch, so a
 * backlog stops between batches when the user navigates again.
 */
export const QUIET_MS = 20_000;
export const MAX_DEFER_MS = 5 * 60_000;

export interface BrowsingPause {
  /** A page has just loaded, or a visit has just ended. */
  activity(now: number): void;
  /** Whether model work may run now. When it says yes, the waiting starts over. */
  takeQuiet(now: number): boolean;
}

/**
 * Records browsing activity and calls `work` once browsing has been quiet for `quietMs`, so the
 * work waiting for a pause starts as soon as there is one rather than at the next periodic tick.
 */
export function whenQuiet(pause: BrowsingPause, work: () => void, quietMs = QUIET_MS): (now: number) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (now) => {
    pause.activity(now);
    clearTimeout(timer);
    timer = setTimeout(work, quietMs);
  };
}

export function browsingPause(quietMs = QUIET_MS, maxDeferMs = MAX_DEFER_MS): BrowsingPause {
  let lastActivity = Number.NEGATIVE_INFINITY;
  let waitingSince: number | null = null;
  return {
    activity(now) {
      lastActivity = now;
      waitingSince ??= now;
    },
    takeQuiet(now) {
      const quiet = now - lastActivity >= quietMs || (waitingSince !== null && now - waitingSince >= maxDeferMs);
      if (quiet) waitingSince = null;
      return quiet;
    },
  };
}
