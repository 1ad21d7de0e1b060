// Owns what `npm start` starts and stops all of it, last started first, however the launcher is
// told to stop: Ctrl-C (SIGINT), a service manager or `kill` (SIGTERM), a closed terminal
// (SIGHUP), or its parent going away (npm does not pass SIGHUP on, and dies of it).
import type { ChildProcess } from 'node:child_process';

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface SupervisorOptions {
  /** How long one thing may take to stop before it is killed (processes) or given up on. */
  graceMs?: number;
  /** How often to check that the parent process is still there. */
  parentCheckMs?: number;
  log?: (message: string) => void;
}

export interface Supervisor {
  /** Something to stop on shutdown. */
  own(name: string, stop: () => Promise<unknown>): void;
  /** A child process: SIGTERM on shutdown, SIGKILL after the grace period or if the launcher exits first. Resolves with its exit code. */
  ownProcess(name: string, child: ChildProcess): Promise<number | null>;
  /** Stops everything owned, then exits with `code`. Idempotent. */
  shutdown(code: number): Promise<never>;
}

const exitOf = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

export function startSupervisor({ graceMs = 5_000, parentCheckMs = 1_000, log = console.log }: SupervisorOptions = {}): Supervisor {
  const owned: { name: string; stop: () => Promise<unknown> }[] = [];
  const children = new Set<ChildProcess>();
  let stopping: Promise<never> | undefined;

  const withinGrace = (name: string, work: Promise<unknown>) =>
    Promise.race([
      work.catch((err: unknown) => log(`stopping ${name} failed: ${String(err)}`)),
      new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
    ]);

  const shutdown = (code: number): Promise<never> => {
    stopping ??= (async () => {
      for (const { name, stop } of owned.reverse()) await withinGrace(name, stop());
      process.exit(code);
    })();
    return stopping;
  };

  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      log(`${signal}: stopping everything started …`);
      void shutdown(0);
    });
  }
  // Whatever ends this process, it takes its children with it.
  process.once('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      log('the launcher’s parent is gone: stopping everything started …');
      void shutdown(0);
    }
  }, parentCheckMs).unref();

  return {
    own(name, stop) {
      owned.push({ name, stop });
    },
    ownProcess(name, child) {
      const exited = exitOf(child);
      children.add(child);
      void exited.then(() => children.delete(child));
      owned.push({
        name,
        stop: async () => {
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          await exited;
          clearTimeout(killer);
        },
      });
      return exited;
    },
    shutdown,
  };
}
