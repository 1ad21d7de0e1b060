/**
 * Browsing with the extension opted in (A), against a profile without it (B) and one with it
 * installed but not opted in (C): page-load time of the pages in bench/pages (interleaved
 * A/B/C/C/B/A…, medians), the main-thread script time the extension adds per page, and afterwards
 * the extension's memory with its models loaded by that browsing, and again once they were
 * released. C splits what merely having an extension costs (its processes on the same cores) from
 * what Tributary does while collecting.
 */
import type { BrowserContext } from 'playwright-core';
import { IDLE_UNLOAD_MS } from '../utils/models/idle-unload';
import { extensionProcessMemory } from './browser/processes';
import { contentScriptMs } from './browser/script-time';
import { BENCH_PAGES, launchExtension, launchPlain, optIn, serveBenchPages, type BenchExtensionBrowser } from './browser/setup';
import type { Figure } from './lib/report';
import { median, round } from './lib/stats';

const REPS = 8;
/** Time on the page after `load`: above the observer's 1 s minimum attention, so every visit becomes a signal. */
const ON_PAGE_MS = 1300;
/**
 * Pause between loads, as between two pages a person reads: the background's work for the visit
 * just ended (anonymize + embed, queue, seal) runs here, mostly before the next load starts.
 */
const BETWEEN_MS = 1000;
const SCRIPT_REPS = 2;
/** How long the backlog of the visits above may take to be processed (real models, a loaded machine). */
const BACKLOG_TIMEOUT_MS = 20 * 60_000;
/** Past IDLE_UNLOAD_MS: the background's timer, or its periodic check if the service worker was stopped. */
const RELEASE_SLACK_MS = 90_000;

interface Load {
  loadMs: number;
}

async function loadOnce(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    // In front, as a page being read: the attention timer only counts visible, focused time.
    await page.bringToFront();
    await page.waitForTimeout(ON_PAGE_MS);
    const loadMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return nav.loadEventEnd - nav.startTime;
    });
    return { loadMs };
  } finally {
    // Closing the tab ends the visit: the page observer sends its observation now.
    await page.close();
  }
}

interface Backlog {
  /** Visits waiting for the models. */
  waiting: number;
  visits: number;
  offscreenDocuments: number;
}

/**
 * Read in the service worker: an extension page would share its renderer with the offscreen
 * document, whose main thread is busy with the models for the whole backlog.
 */
async function backlog(ext: BenchExtensionBrowser): Promise<Backlog> {
  // No named functions inside: the evaluated source must not refer to the bundler's name helper.
  return ext.worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('tributary');
      open.addEventListener('success', () => resolve(open.result));
      open.addEventListener('error', () => reject(open.error));
    });
    try {
      const [waiting, visits] = await new Promise<[number, number]>((resolve, reject) => {
        const items = db.transaction('items').objectStore('items');
        const waitingCount = items.index('status').count('processing');
        // Requests of one transaction complete in order: the second's success means both are done.
        const allCount = items.count();
        allCount.addEventListener('success', () => resolve([waitingCount.result, allCount.result]));
        allCount.addEventListener('error', () => reject(allCount.error));
      });
      const contexts = await (chrome.runtime as unknown as { getContexts(f: object): Promise<unknown[]> }).getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      return { waiting, visits, offscreenDocuments: contexts.length };
    } finally {
      db.close();
    }
  });
}

export async function benchBrowsing(extensionDir: string): Promise<Figure[]> {
  const pages = await serveBenchPages();
  const withExt = await launchExtension(extensionDir);
  const plain = await launchPlain();
  const installed = await launchExtension(extensionDir);
  try {
    await optIn(withExt);
    const contexts = { a: withExt.context, b: plain.context, c: installed.context };
    const samples = new Map<string, Record<keyof typeof contexts, Load[]>>(BENCH_PAGES.map((p) => [p, { a: [], b: [], c: [] }]));
    // One unmeasured pass each: first-run work of the profiles and the page server.
    for (const page of BENCH_PAGES) {
      for (const context of Object.values(contexts)) await loadOnce(context, pages.url(page));
    }
    for (let rep = 0; rep < REPS; rep++) {
      for (const page of BENCH_PAGES) {
        const s = samples.get(page)!;
        const order = rep % 2 === 0 ? (['a', 'b', 'c'] as const) : (['c', 'b', 'a'] as const);
        for (const side of order) {
          s[side].push(await loadOnce(contexts[side], pages.url(page)));
          await new Promise((r) => setTimeout(r, BETWEEN_MS));
        }
      }
    }
    await plain.close();
    await installed.close();
    // Profiled separately: the profiler's own cost must not touch the load times above.
    const scriptMs: number[] = [];
    for (let rep = 0; rep < SCRIPT_REPS; rep++) {
      for (const page of BENCH_PAGES) scriptMs.push(await contentScriptMs(withExt.context, pages.url(page), ON_PAGE_MS));
    }

    const overheadOf = (side: 'a' | 'c') => {
      const ratios = [...samples.values()].map((s) => median(s[side].map((l) => l.loadMs)) / median(s.b.map((l) => l.loadMs)));
      return ratios.reduce((x, y) => x + y, 0) / ratios.length - 1;
    };
    const medianLoad = (side: 'a' | 'b' | 'c') => median([...samples.values()].flatMap((s) => s[side].map((l) => l.loadMs)));

    // The visits above are waiting for the models: the background loads them in its offscreen
    // document once browsing pauses, runs the backlog, and releases them IDLE_UNLOAD_MS later.
    // memory_mb is taken as the backlog ends (models loaded and used), memory_idle_mb after the release.
    let state = await backlog(withExt);
    const backlogStart = Date.now();
    while (state.waiting > 0 || state.offscreenDocuments === 0) {
      if (state.waiting === 0) throw new Error('the model host was released before the backlog was seen to end');
      if (Date.now() - backlogStart > BACKLOG_TIMEOUT_MS) throw new Error(`the backlog was not processed: ${state.waiting} visits waiting`);
      await new Promise((r) => setTimeout(r, 1000));
      state = await backlog(withExt);
    }
    const backlogDone = Date.now();
    const memory = extensionProcessMemory(withExt.userDataDir);
    while ((await backlog(withExt)).offscreenDocuments > 0) {
      if (Date.now() - backlogDone > IDLE_UNLOAD_MS + RELEASE_SLACK_MS) throw new Error('the model host was not released after the backlog');
      await new Promise((r) => setTimeout(r, 1000));
    }
    const releasedAfterS = (Date.now() - backlogDone) / 1000;
    // The closed document's process exits shortly after.
    await new Promise((r) => setTimeout(r, 3000));
    const idleMemory = extensionProcessMemory(withExt.userDataDir);
    const visits = REPS * BENCH_PAGES.length;
    return [
      { key: 'page_load_ext_ms', value: round(medianLoad('a'), 1), unit: 'ms', note: `median load (navigation start → load end), extension opted in, ${visits} loads` },
      { key: 'page_load_plain_ms', value: round(medianLoad('b'), 1), unit: 'ms', note: `median load, profile without the extension, ${visits} loads` },
      { key: 'page_load_installed_ms', value: round(medianLoad('c'), 1), unit: 'ms', note: `median load, extension installed but not opted in, ${visits} loads` },
      { key: 'page_load_overhead', value: round(overheadOf('a'), 4), unit: 'ratio−1', note: `mean over ${BENCH_PAGES.length} pages of median(A)/median(B) − 1`, target: { op: '<=', value: 0.02 } },
      { key: 'page_load_overhead_installed', value: round(overheadOf('c'), 4), unit: 'ratio−1', note: 'the same for C (installed, not opted in) against B: what having the extension costs before it collects anything' },
      { key: 'content_script_ms', value: round(median(scriptMs), 2), unit: 'ms/page', note: `median main-thread time in extension frames per visit (CDP CPU profile, ${scriptMs.length} visits); max ${round(Math.max(...scriptMs), 1)} ms` },
      {
        key: 'memory_mb',
        value: round(memory.pssMb, 1),
        unit: 'MB',
        note: `PSS of ${memory.processes} extension renderer process(es) (SW + offscreen document) as the backlog of the ${state.visits} visits ended, models loaded, offscreen documents ${state.offscreenDocuments}; RSS ${round(memory.rssMb, 0)} MB, private anon ${round(memory.anonMb, 0)} MB`,
        target: { op: '<=', value: 200 },
      },
      {
        key: 'memory_idle_mb',
        value: round(idleMemory.pssMb, 1),
        unit: 'MB',
        note: `the same, after the model host was released (${round(releasedAfterS, 0)} s after the backlog): ${idleMemory.processes} process(es); RSS ${round(idleMemory.rssMb, 0)} MB, private anon ${round(idleMemory.anonMb, 0)} MB`,
      },
    ];
  } finally {
    await plain.close().catch(() => undefined);
    await installed.close().catch(() => undefined);
    await withExt.close();
    await pages.close();
  }
}
