import type { IdleState } from './gate';

/**
 * No input for this long makes the computer idle. chrome.idle's minimum is 15 s; a minute keeps
 * a user who only reads a page from being taken for gone.
 */
export const IDLE_DETECTION_S = 60;

/** The slice of `chrome.idle` used: production passes `browser.idle`. */
export interface IdleSource {
  setDetectionInterval(intervalInSeconds: number): void;
  queryState(detectionIntervalInSeconds: number): Promise<IdleState>;
  onStateChanged: { addListener(callback: (state: IdleState) => void): void };
}

export interface IdleWatch {
  /** The last state the browser reported; `active` until it has said anything. */
  current(): IdleState;
}

/**
 * Follows the browser's idle state: asks once at start, then listens, calling `onChange` with
 * every new state (the caller stops work on `active` at once and starts it on `idle`).
 */
export function watchIdle(source: IdleSource, onChange: (state: IdleState) => void, intervalS = IDLE_DETECTION_S): IdleWatch {
  let state: IdleState = 'active';
  let heard = false;
  source.setDetectionInterval(intervalS);
  source.onStateChanged.addListener((next) => {
    heard = true;
    state = next;
    onChange(next);
  });
  void source.queryState(intervalS).then(
    (initial) => {
      // An event that arrived meanwhile is newer than this answer.
      if (heard) return;
      state = initial;
      onChange(initial);
    },
    () => undefined,
  );
  return { current: () => state };
}
