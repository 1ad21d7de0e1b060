/**
 * Reaches the model host of the BUILT extension: its offscreen document (`offscreen.html`) opened
 * in a tab of the extension's origin, answering `model:process` messages sent from another
 * extension page exactly as the background sends them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExtensionBrowser, Page } from './setup';

declare global {
  // Set in the model-host tab by the capture breakpoint below.
  var __tributaryBenchRunners: { embed(texts: string[]): Promise<number[][]> } | undefined;
}

export interface ModelHostPages {
  /** The tab running offscreen.html: the model host itself. */
  host: Page;
  /** An extension page that talks to the host as the background does. */
  caller: Page;
}

export async function openModelHost(ext: ExtensionBrowser): Promise<ModelHostPages> {
  const host = await ext.openExtensionPage('offscreen.html');
  const caller = await ext.openExtensionPage('dashboard.html');
  return { host, caller };
}

/** Sends one model request from the caller page; resolves with the milliseconds it took there. */
export function timedModelRequest(caller: Page, request: object): Promise<number> {
  return caller.evaluate(async (r) => {
    const start = performance.now();
    const reply = (await chrome.runtime.sendMessage(r)) as { ok: boolean; error?: string } | undefined;
    if (!reply?.ok) throw new Error(`model host: ${reply?.error ?? 'no answer'}`);
    return performance.now() - start;
  }, request);
}

/**
 * Where the model runners' own `async embed(texts){` (utils/models/runners.ts) begins in the built
 * offscreen chunk: the embed method whose body checks the embedding's dimensions. Other embed
 * methods that wrap it (utils/models/yield-between-calls.ts) come before or after, not around it.
 */
function embedMethodLocation(extensionDir: string): { file: string; lineNumber: number; columnNumber: number } {
  const chunks = path.join(extensionDir, 'chunks');
  const file = readdirSync(chunks).find((f) => /^offscreen-.*\.js$/.test(f));
  if (!file) throw new Error('no offscreen chunk in the built extension');
  const source = readFileSync(path.join(chunks, file), 'utf8');
  const check = source.indexOf('dimensions, expected');
  if (check < 0 || source.indexOf('dimensions, expected', check + 1) >= 0) throw new Error('cannot find the one embedding dimension check in the offscreen chunk');
  const at = source.lastIndexOf('async embed(', check);
  if (at < 0) throw new Error('cannot find the model runners’ embed method in the offscreen chunk');
  const body = source.indexOf('{', at) + 1;
  const before = source.slice(0, body);
  return { file, lineNumber: before.split('\n').length - 1, columnNumber: body - (before.lastIndexOf('\n') + 1) };
}

/**
 * Gets hold of the host's own loaded model runners, so embedding can be timed without the
 * anonymizer: a conditional breakpoint on the first statement of `embed` evaluates
 * `globalThis.__tributaryBenchRunners = this` (the runners object) and never pauses. One real
 * `model:process` request trips it; then the breakpoint and the debugger are removed again.
 */
export async function captureEmbedRunners(ext: ExtensionBrowser, extensionDir: string, { host, caller }: ModelHostPages): Promise<void> {
  const { file, lineNumber, columnNumber } = embedMethodLocation(extensionDir);
  const cdp = await ext.context.newCDPSession(host);
  try {
    await cdp.send('Debugger.enable');
    const { breakpointId } = await cdp.send('Debugger.setBreakpointByUrl', {
      url: `chrome-extension://${ext.extensionId}/chunks/${file}`,
      lineNumber,
      columnNumber,
      condition: '(globalThis.__tributaryBenchRunners = this, false)',
    });
    await timedModelRequest(caller, { type: 'model:process', target: 'offscreen', pages: [{ title: 'warm', text: 'Warming up the model host.' }] });
    await cdp.send('Debugger.removeBreakpoint', { breakpointId });
    await cdp.send('Debugger.disable');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  const ok = await host.evaluate(() => typeof globalThis.__tributaryBenchRunners?.embed === 'function');
  if (!ok) throw new Error('could not capture the model host runners');
}

/** Sentences per second of the host's embed(), batch by batch, timed inside the page. */
export function browserEmbedRate(host: Page, sentences: string[], batch: number): Promise<number> {
  return host.evaluate(
    async ({ sentences, batch }) => {
      const runners = globalThis.__tributaryBenchRunners!;
      const start = performance.now();
      for (let i = 0; i < sentences.length; i += batch) await runners.embed(sentences.slice(i, i + batch));
      return sentences.length / ((performance.now() - start) / 1000);
    },
    { sentences, batch },
  );
}
