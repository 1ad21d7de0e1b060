/**
 * Memory of the extension's renderer processes, read from /proc: Chromium puts an extension's
 * service worker, its offscreen document and its other pages in renderer processes started with
 * `--extension-process`. Found among the descendants of one browser process (by its profile dir),
 * so other Chromiums on the machine are never counted.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface Proc {
  pid: number;
  ppid: number;
  cmdline: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(name), ppid, cmdline: readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ') });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/** kB fields of /proc/PID/smaps_rollup and /proc/PID/status. */
function kb(file: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
  return m ? Number(m[1]) : 0;
}

export interface ExtensionMemory {
  processes: number;
  /** Proportional set size: private pages plus a fair share of pages shared with other processes. */
  pssMb: number;
  rssMb: number;
  /** Private anonymous memory (heaps, WASM memory). */
  anonMb: number;
}

export function extensionProcessMemory(userDataDir: string): ExtensionMemory {
  const all = processes();
  const browser = all.find((p) => p.cmdline.includes(`--user-data-dir=${userDataDir}`) && !p.cmdline.includes('--type='));
  if (!browser) throw new Error(`no Chromium browser process for ${userDataDir}`);
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const descendants: Proc[] = [];
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      descendants.push(c);
      walk(c.pid);
    }
  };
  walk(browser.pid);
  const ext = descendants.filter((p) => p.cmdline.includes('--type=renderer') && p.cmdline.includes('--extension-process'));
  const sum = (f: (pid: number) => number) => ext.reduce((n, p) => n + f(p.pid), 0) / 1024;
  return {
    processes: ext.length,
    pssMb: sum((pid) => kb(`/proc/${pid}/smaps_rollup`, 'Pss')),
    rssMb: sum((pid) => kb(`/proc/${pid}/status`, 'VmRSS')),
    anonMb: sum((pid) => kb(`/proc/${pid}/status`, 'RssAnon')),
  };
}
