import type { ComputeSettings } from './settings';
import type { ComputeUsage } from './usage';

/** chrome.idle's states: `locked` (screen locked) counts as away, like `idle`. */
export type IdleState = 'active' | 'idle' | 'locked';
/** `unknown` where the browser does not report its power source. */
export type PowerSource = 'ac' | 'battery' | 'unknown';

export type ComputeDecision =
  | { run: true }
  | { run: false; reason: 'off' | 'paused' | 'user-active' | 'on-battery' | 'daily-limit' };

/**
 * The one place that decides whether compute jobs may run now. Asked before every job and between
 * every few texts of a job, so a change of any input stops the work at the next step.
 */
export function decideCompute(
  settings: ComputeSettings,
  conditions: { idle: IdleState; power: PowerSource; usage: ComputeUsage },
  now: number,
): ComputeDecision {
  if (!settings.enabled) return { run: false, reason: 'off' };
  if (settings.pausedUntil !== null && now < settings.pausedUntil) return { run: false, reason: 'paused' };
  if (conditions.idle === 'active') return { run: false, reason: 'user-active' };
  // Where the browser reports no power source the AC limit cannot apply: the popup says so.
  if (settings.acOnly && conditions.power === 'battery') return { run: false, reason: 'on-battery' };
  if (conditions.usage.modelMs >= settings.minutesPerDay * 60_000) return { run: false, reason: 'daily-limit' };
  return { run: true };
}
