/**
 * npm run bench — every Tributary benchmark on this machine, each figure against a baseline
 * measured in the same run. Prints one table per benchmark, then ONE JSON object (every figure,
 * plus which models produced them) on the last line. See bench/README.md.
 *   npm run bench [-- --only crypto,ingest,tokens,models,browsing,compute]   (default: all six)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCollector } from '../collector/test/process';
import { buildBenchExtension, benchManifest } from './browser/setup';
import { benchBrowsing } from './browsing';
import { benchCompute } from './compute';
import { benchIngest } from './collector/ingest';
import { benchIngestStages } from './collector/stages';
import { benchTokens } from './collector/tokens';
import { benchCrypto } from './crypto';
import { benchModels } from './models';
import { formatTable, targetMet, type Figure } from './lib/report';

const SECTIONS = ['crypto', 'ingest', 'tokens', 'models', 'browsing', 'compute'] as const;
type Section = (typeof SECTIONS)[number];
const onlyArg = process.argv.indexOf('--only');
const only = new Set<string>(onlyArg >= 0 ? (process.argv[onlyArg + 1] ?? '').split(',') : SECTIONS);
const unknown = [...only].filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknown.length) throw new Error(`unknown bench section(s): ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
const wanted = (s: Section) => only.has(s);

const started = Date.now();
const all: Figure[] = [];
const log = (text: string) => process.stderr.write(`${text}\n`);

async function section(name: string, run: () => Figure[] | Promise<Figure[]>): Promise<void> {
  const t0 = Date.now();
  log(`… ${name}`);
  const figures = await run();
  all.push(...figures);
  console.log(`${formatTable(`${name} (${((Date.now() - t0) / 1000).toFixed(0)} s)`, figures)}\n`);
}

const manifest = benchManifest();
log(`models: ${manifest.file}${manifest.real ? '' : ' (TEST FIXTURES, not the real models)'}`);

if (wanted('crypto')) await section('crypto: seal + sign vs primitives', benchCrypto);
if (wanted('ingest')) await section('collector ingest vs bare echo', async () => [...(await benchIngest()), ...(await benchIngestStages())]);
if (wanted('tokens')) await section('blind reward tokens: cost per token', benchTokens);

if (wanted('models') || wanted('browsing') || wanted('compute')) {
  // The browser benchmarks share one build, made for a real collector the opted-in profile sends to.
  const collectorDir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-browser-collector-'));
  const collector = await startCollector(collectorDir);
  const extension = buildBenchExtension(collector.baseUrl, manifest.file);
  try {
    if (wanted('models')) await section('models: browser extension vs native', () => benchModels(extension.dir, manifest.file));
    if (wanted('browsing')) await section('browsing: page load, page observer, memory', () => benchBrowsing(extension.dir));
    if (wanted('compute')) {
      await section('compute: idle shards in the browser vs native, verification overhead', () =>
        benchCompute(extension.dir, collector.baseUrl, path.join(collectorDir, 'collector.sqlite'), manifest.file),
      );
    }
  } finally {
    extension.remove();
    await collector.stop();
    rmSync(collectorDir, { recursive: true, force: true });
  }
}

const missed = all.filter((f) => targetMet(f) === false).map((f) => f.key);
console.log(`targets: ${all.filter((f) => f.target).length - missed.length} met${missed.length ? `, missed: ${missed.join(', ')}` : ''}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(
  JSON.stringify({
    models: manifest.real ? 'real' : 'fixtures',
    manifest: manifest.file,
    ...Object.fromEntries(all.map((f) => [f.key, f.value])),
  }),
);
