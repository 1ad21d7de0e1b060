/**
 * Leak / over-redaction / throughput of Tributary's anonymizer against npm baselines, per corpus and per type.
 *   npm run bench:anonymize [-- path/to/corpus.jsonl ...] [--ner-dir models/dist/ner]
 * Units are whitespace tokens with surrounding punctuation trimmed. A token inside a gold span is an
 * identifier token; it LEAKS if it still occurs in the output as a whole word. A token outside gold spans
 * is REMOVED if the output has fewer whole-word occurrences of it than the input. Occurrences in the output
 * are credited to non-identifier tokens first, so a redacted "de" inside an address is not counted as
 * leaked just because another "de" elsewhere in the line was (rightly) kept.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { anonymize } from '../utils/anonymize/index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const Line = z.object({
  id: z.string(),
  text: z.string(),
  entities: z.array(z.object({ type: z.string(), start: z.number().int(), end: z.number().int() })),
});
type Line = z.infer<typeof Line>;

const TRIM = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function occurrences(haystack: string, word: string): number {
  return haystack.match(new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'gu'))?.length ?? 0;
}

type Tokens = { ident: { word: string; type: string }[]; plain: string[] };
/** Whitespace tokens of a line, split at gold-span edges into identifier and plain parts. */
export function tokensOf(line: Line): Tokens {
  const ident: Tokens['ident'] = [];
  const plain: string[] = [];
  for (const m of line.text.matchAll(/\S+/g)) {
    const s = m.index ?? 0;
    const e = s + m[0].length;
    let pos = s;
    for (const g of line.entities.filter((g) => g.start < e && g.end > s).sort((a, b) => a.start - b.start)) {
      const gs = Math.max(g.start, s);
      if (gs > pos) plain.push(line.text.slice(pos, gs));
      const ge = Math.min(g.end, e);
      if (ge > Math.max(gs, pos)) ident.push({ word: line.text.slice(Math.max(gs, pos), ge), type: g.type });
      pos = Math.max(pos, ge);
    }
    if (pos < e) plain.push(line.text.slice(pos, e));
  }
  const clean = (w: string): string => w.replace(TRIM, '');
  return {
    ident: ident.map((t) => ({ ...t, word: clean(t.word) })).filter((t) => t.word !== ''),
    plain: plain.map(clean).filter((w) => w !== ''),
  };
}

type Score = { identTotal: Record<string, number>; identLeaked: Record<string, number>; plainTotal: number; plainRemoved: number };
export function scoreLine(line: Line, output: string, acc: Score): void {
  const { ident, plain } = tokensOf(line);
  const plainCount = new Map<string, number>();
  for (const w of plain) plainCount.set(w, (plainCount.get(w) ?? 0) + 1);
  const identSeen = new Map<string, number>();
  for (const { word, type } of ident) {
    const nth = (identSeen.get(word) ?? 0) + 1;
    identSeen.set(word, nth);
    const left = occurrences(output, word) - (plainCount.get(word) ?? 0);
    acc.identTotal[type] = (acc.identTotal[type] ?? 0) + 1;
    if (left >= nth) acc.identLeaked[type] = (acc.identLeaked[type] ?? 0) + 1;
  }
  for (const [word, n] of plainCount) {
    acc.plainTotal += n;
    acc.plainRemoved += Math.max(0, n - occurrences(output, word));
  }
}

type System = { name: string; run: (text: string) => Promise<string> };

async function tributary(nerDir: string | undefined): Promise<System[]> {
  const systems: System[] = [{ name: 'tributary (rules only)', run: async (t) => (await anonymize(t)).redacted }];
  try {
    const { loadNodeNer, loadNerFromDir } = await import('../utils/anonymize/node-ner');
    const ner = nerDir ? await loadNerFromDir(nerDir) : await loadNodeNer();
    const name = nerDir ? `tributary (rules + ${path.basename(nerDir)}, unverified dir)` : 'tributary (rules + NER model)';
    systems.push({ name, run: async (t) => (await anonymize(t, { ner })).redacted });
  } catch (err) {
    console.log(`note: NER model unavailable (${(err as Error).message.split('\n')[0]}); only rules-only figures for Tributary`);
  }
  return systems;
}

async function baselines(): Promise<System[]> {
  const systems: System[] = [];
  try {
    const { SyncRedactor } = await import('redact-pii');
    const r = new SyncRedactor();
    systems.push({ name: 'redact-pii 3.4 (baseline)', run: async (t) => r.redact(t) });
  } catch (err) {
    console.log(`note: redact-pii could not run: ${(err as Error).message}`);
  }
  try {
    const { OpenRedaction } = await import('openredaction');
    const r = new OpenRedaction();
    systems.push({ name: 'openredaction 1.1 (baseline)', run: async (t) => (await r.detect(t)).redacted });
  } catch (err) {
    console.log(`note: openredaction could not run: ${(err as Error).message}`);
  }
  return systems;
}

const pct = (a: number, b: number): number => (b === 0 ? 0 : Math.round((1000 * a) / b) / 10);

type Result = { leak: number; overRedaction: number; linesPerSec: number; leakByType: Record<string, number> };

async function runCorpus(corpusPath: string, systems: System[]): Promise<void> {
  const lines = readFileSync(corpusPath, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => Line.parse(JSON.parse(l)));
  const types = [...new Set(lines.flatMap((l) => l.entities.map((e) => e.type)))].sort();
  const results: Record<string, Result> = {};
  let identTokens: Record<string, number> = {};
  for (const sys of systems) {
    const acc: Score = { identTotal: {}, identLeaked: {}, plainTotal: 0, plainRemoved: 0 };
    const outputs: string[] = [];
    const t0 = performance.now();
    for (const l of lines) outputs.push(await sys.run(l.text));
    const secs = (performance.now() - t0) / 1000;
    lines.forEach((l, i) => scoreLine(l, outputs[i]!, acc));
    identTokens = acc.identTotal;
    const total = Object.values(acc.identTotal).reduce((a, b) => a + b, 0);
    const leaked = Object.values(acc.identLeaked).reduce((a, b) => a + b, 0);
    results[sys.name] = {
      leak: pct(leaked, total),
      overRedaction: pct(acc.plainRemoved, acc.plainTotal),
      linesPerSec: Math.round(lines.length / secs),
      leakByType: Object.fromEntries(types.map((t) => [t, pct(acc.identLeaked[t] ?? 0, acc.identTotal[t] ?? 0)])),
    };
  }
  const names = Object.keys(results);
  const col = (s: string, w: number): string => s.padEnd(w);
  const total = Object.values(identTokens).reduce((a, b) => a + b, 0);
  console.log(`\ncorpus: ${path.relative(repoRoot, corpusPath)} (${lines.length} lines, ${total} identifier tokens)\n`);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  console.log(col('metric (%, lower is better)', 36) + names.map((n) => col(n, width)).join(''));
  const row = (label: string, f: (r: Result) => number | string): void =>
    console.log(col(label, 36) + names.map((n) => col(String(f(results[n]!)), width)).join(''));
  row('LEAK overall', (r) => r.leak);
  for (const t of types) row(`  leak ${t} (${identTokens[t] ?? 0} tokens)`, (r) => r.leakByType[t] ?? 0);
  row('OVER-REDACTION', (r) => r.overRedaction);
  row('lines / second', (r) => r.linesPerSec);
  console.log(JSON.stringify({ corpus: path.relative(repoRoot, corpusPath), lines: lines.length, identTokens, results }));
}

async function main(): Promise<void> {
  // Usage: bench/anonymize.ts [corpus.jsonl ...] [--ner-dir DIR]  (--ner-dir: measure an unreleased model)
  const args = process.argv.slice(2);
  const dirFlag = args.indexOf('--ner-dir');
  const nerDir = dirFlag >= 0 ? args.splice(dirFlag, 2)[1] : undefined;
  const corpora = args.length > 0 ? args : [path.join(repoRoot, 'test/fixtures/pii-corpus.jsonl')];
  const systems = [...(await tributary(nerDir)), ...(await baselines())];
  // One report per corpus, every system on the same texts in the same run.
  for (const corpus of corpora) await runCorpus(corpus, systems);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
