import type { CollectorClient } from '../collector-client/client';
import { decideCompute, type ComputeDecision, type IdleState, type PowerSource } from '../compute/gate';
import { watchIdle, type IdleSource } from '../compute/idle-watch';
import { runComputeJobs, type RunEnd } from '../compute/run-jobs';
import { readComputeSettings } from '../compute/settings';
import { readUsage, recordUsage } from '../compute/usage';
import { ensureDeviceKey } from '../identity/device-key';
import type { Embedded } from '../protocol/model-host';
import type { Db } from '../store/db';

export interface ComputeWorkDeps {
  db: () => Promise<Db>;
  client: Pick<CollectorClient, 'computeJob' | 'computeResult'>;
  models: { embed(texts: string[]): Promise<Embedded>; power(): Promise<PowerSource> };
  /** `browser.idle` in the extension. */
  idle: IdleSource;
  now?: () => number;
  onError?: (err: unknown) => void;
}

export interface ComputeStatus {
  running: boolean;
  /** Why no job runs now, as last decided; null while one runs or before the first decision. */
  blocked: Exclude<ComputeDecision, { run: true }>['reason'] | null;
  idle: IdleState;
  /** The power source last read; null if it was never needed. */
  power: PowerSource | null;
  lastEnd: RunEnd | 'error' | null;
}

export interface ComputeWork {
  /** Starts jobs if they may run and none runs (settings changed, periodic tick). */
  kick(): void;
  /** Stops the running job at its next step (the user paused or turned compute off). */
  stop(): void;
  status(): ComputeStatus;
}

/**
 * Compute jobs in the background: started when the browser reports the computer idle, stopped
 * the moment it reports the user back (between two model calls), and otherwise run only while
 * utils/compute/gate.ts allows it.
 */
export function computeWork(deps: ComputeWorkDeps): ComputeWork {
  const now = deps.now ?? (() => Date.now());
  let controller: AbortController | null = null;
  let running: Promise<void> | null = null;
  const status: ComputeStatus = { running: false, blocked: null, idle: 'active', power: null, lastEnd: null };

  async function decide(): Promise<ComputeDecision> {
    const t = now();
    const [settings, usage] = await Promise.all([readComputeSettings(), readUsage(t)]);
    const conditions = { idle: watch.current(), power: 'unknown' as PowerSource, usage };
    let decision = decideCompute(settings, conditions, t);
    // The power source is read only when it matters: reading it starts the model host's document.
    if (decision.run && settings.acOnly) {
      status.power = await deps.models.power();
      decision = decideCompute(settings, { ...conditions, power: status.power }, t);
    }
    status.blocked = decision.run ? null : decision.reason;
    return decision;
  }

  async function run(signal: AbortSignal): Promise<void> {
    if (!(await decide()).run) return;
    const deviceKey = await ensureDeviceKey(await deps.db());
    status.running = true;
    try {
      const { end } = await runComputeJobs(
        {
          client: deps.client,
          embed: (texts) => deps.models.embed(texts),
          deviceKey,
          mayRun: async () => (await decide()).run,
          spent: async (used) => void (await recordUsage(now(), used)),
          now,
        },
        signal,
      );
      status.lastEnd = end;
    } catch (err) {
      status.lastEnd = 'error';
      deps.onError?.(err);
    } finally {
      status.running = false;
    }
  }

  function kick(): void {
    if (running) return;
    const current = new AbortController();
    controller = current;
    running = run(current.signal).finally(() => {
      running = null;
    });
  }

  function stop(): void {
    controller?.abort();
  }

  const watch = watchIdle(deps.idle, (state) => {
    status.idle = state;
    if (state === 'active') stop();
    else kick();
  });

  return { kick, stop, status: () => ({ ...status, idle: watch.current() }) };
}
