// `npm start` stops everything it started on SIGINT, SIGTERM and SIGHUP, and when its parent
// (npm) goes away. The launcher here is a stand-in; the supervisor and its signal handling are
// scripts/supervisor.ts itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const LAUNCHER = join(import.meta.dirname, 'supervised-launcher.ts');

/** Running and not a zombie (a reparented process may wait for a reaper that never comes). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

interface Started {
  process: ChildProcess;
  launcherPid: number;
  children: number[];
  lines: string[];
}

async function start(command: string, args: string[]): Promise<Started> {
  const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const reader = createInterface({ input: proc.stdout! });
  reader.on('line', (line) => lines.push(line));
  while (!lines.some((l) => l.startsWith('{'))) await once(reader, 'line');
  const { pid, children } = JSON.parse(lines.find((l) => l.startsWith('{'))!) as { pid: number; children: number[] };
  return { process: proc, launcherPid: pid, children, lines };
}

const launcherArgs = ['--import', 'tsx', LAUNCHER];

// Each case starts node with tsx and stand-in children: seconds on a busy machine, not milliseconds.
describe('the npm start supervisor', { timeout: 60_000 }, () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('on %s stops every child and resource, then exits', async (signal) => {
    const s = await start(process.execPath, launcherArgs);
    expect(s.children.every(alive)).toBe(true);
    // 'close', not 'exit': its output is read to the end by then.
    const closed = once(s.process, 'close');
    s.process.kill(signal);
    const [code] = (await closed) as [number | null];
    expect(code).toBe(0);
    expect(s.lines).toContain('closed');
    expect(s.children.filter(alive)).toEqual([]);
  });

  it('stops everything when its parent dies without passing a signal on (npm on SIGHUP)', async () => {
    // sh stands in for npm: it started the launcher and is killed outright.
    const s = await start('sh', ['-c', `"${process.execPath}" ${launcherArgs.map((a) => `"${a}"`).join(' ')} & wait`]);
    expect(alive(s.launcherPid)).toBe(true);
    s.process.kill('SIGKILL');
    await expect.poll(() => alive(s.launcherPid), { timeout: 30_000, interval: 100 }).toBe(false);
    expect(s.children.filter(alive)).toEqual([]);
  });
});
