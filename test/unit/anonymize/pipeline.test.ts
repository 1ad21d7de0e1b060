import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimatePieces } from '../../../utils/anonymize/chunk';
import { anonymize, anonymizeRulesOnly, anonymizeTexts, NER_WINDOWS_PER_RUN } from '../../../utils/anonymize/index';
import { mergeSpans } from '../../../utils/anonymize/merge';
import { redact } from '../../../utils/anonymize/redact';
import type { NerToken, Span } from '../../../utils/anonymize/types';

const rule = (type: Span['type'], start: number, end: number): Span => ({ type, start, end, source: 'rule' });
const model = (type: Span['type'], start: number, end: number): Span => ({ type, start, end, source: 'model', score: 0.4 });

describe('mergeSpans', () => {
  it('unions overlapping spans and prefers the rule type over the model type', () => {
    expect(mergeSpans([model('PERSON', 0, 10), rule('EMAIL', 5, 20)])).toEqual([{ type: 'EMAIL', start: 0, end: 20, source: 'rule' }]);
  });
  it('prefers the longer span between two of the same source', () => {
    expect(mergeSpans([rule('PHONE', 0, 8), rule('IP', 0, 11)]).map((s) => s.type)).toEqual(['IP']);
  });
  it('keeps disjoint spans apart and drops empty ones', () => {
    expect(mergeSpans([rule('EMAIL', 10, 12), rule('PHONE', 0, 3), rule('IP', 5, 5)]).map((s) => [s.start, s.end])).toEqual([[0, 3], [10, 12]]);
  });
});

describe('redact', () => {
  it('replaces spans with typed placeholders and reports original offsets', () => {
    const text = 'Mail anna@example.org or call +49 30 901820.';
    const result = redact(text, [rule('PHONE', 30, 43), rule('EMAIL', 5, 21)]);
    expect(result.redacted).toBe('Mail [EMAIL] or call [PHONE].');
    expect(result.entities).toEqual([{ type: 'EMAIL', start: 5, end: 21 }, { type: 'PHONE', start: 30, end: 43 }]);
  });
  it('refuses overlapping spans', () => {
    expect(() => redact('abcdef', [rule('ID', 0, 4), rule('ID', 2, 6)])).toThrow(/overlap/);
  });
});

describe('anonymize', () => {
  const tokensFor = (text: string): NerToken[] =>
    text.split(/\s+/).filter(Boolean).map((w, i) => ({ entity: w === 'Kwame' ? 'B-PER' : 'O', score: 0.9, index: i + 1, word: w.toLowerCase() }));

  it('combines rule and model spans', async () => {
    const result = await anonymize('Kwame wrote from kwame@example.com', { ner: async (texts) => texts.map(tokensFor) });
    expect(result.redacted).toBe('[PERSON] wrote from [EMAIL]');
  });
  it('fails closed when the model throws', async () => {
    await expect(anonymize('Kwame', { ner: async () => Promise.reject(new Error('onnx crashed')) })).rejects.toThrow(/NER failed/);
  });
  it('fails closed when the model times out', async () => {
    await expect(anonymize('Kwame', { ner: () => new Promise<NerToken[][]>(() => undefined), timeoutMs: 20 })).rejects.toThrow(/timed out/);
  });
  it('runs the model on windows of long text and maps spans back', async () => {
    const text = `${'filler words here. '.repeat(40)}Kwame ${'more words. '.repeat(40)}`;
    const seen: string[] = [];
    const result = await anonymize(text, { ner: async (texts) => (seen.push(...texts), texts.map(tokensFor)), windowPieces: 40 });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((c) => estimatePieces(c) <= 40)).toBe(true);
    expect(result.entities).toEqual([{ type: 'PERSON', start: text.indexOf('Kwame'), end: text.indexOf('Kwame') + 5 }]);
  });
  it('runs the windows of several texts together, at most NER_WINDOWS_PER_RUN a run, and maps spans back to their own text', async () => {
    const long = `${'filler words here. '.repeat(60)}Kwame ${'more words. '.repeat(60)}`;
    const texts = ['Kwame', '   ', long, 'no names'];
    const runs: string[][] = [];
    const results = await anonymizeTexts(texts, { ner: async (windows) => (runs.push(windows), windows.map(tokensFor)), windowPieces: 20 });
    const windows = runs.flat();
    expect(windows.length).toBeGreaterThan(NER_WINDOWS_PER_RUN);
    expect(runs.map((r) => r.length)).toEqual([...runs.slice(1).map(() => NER_WINDOWS_PER_RUN), windows.length - NER_WINDOWS_PER_RUN * (runs.length - 1)]);
    expect(windows).not.toContain('   ');
    expect(results.map((r) => r.redacted)).toEqual(['[PERSON]', '   ', long.replace('Kwame', '[PERSON]'), 'no names']);
    expect(results[2]!.entities).toEqual([{ type: 'PERSON', start: long.indexOf('Kwame'), end: long.indexOf('Kwame') + 5 }]);
  });
  it('fails closed when the model answers fewer windows than it was given', async () => {
    await expect(anonymizeTexts(['Kwame', 'Ama'], { ner: async (windows) => windows.slice(1).map(tokensFor) })).rejects.toThrow(/NER failed/);
  });
  it('rules-only mode needs no model', () => {
    expect(anonymizeRulesOnly('IBAN DE89 3704 0044 0532 0130 00').redacted).toBe('IBAN [IBAN]');
  });
});

describe('main corpus', () => {
  it('has a few hundred lines', () => {
    expect(readCorpus('pii-corpus.jsonl').length).toBeGreaterThanOrEqual(300);
  });
});

type CorpusLine = { id: string; text: string; entities: { type: string; start: number; end: number }[] };
const readCorpus = (name: string): CorpusLine[] =>
  readFileSync(path.resolve(__dirname, '../../fixtures', name), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as CorpusLine);

describe.each(['pii-corpus.jsonl', 'pii-heldout.jsonl', 'eval/mimesis.jsonl', 'eval/web-pages.jsonl', 'eval/adversarial.jsonl', 'eval/correspondence.jsonl', 'eval/inbox.jsonl', 'eval/street.jsonl', 'eval/frontdesk.jsonl', 'eval/paperwork.jsonl'])('%s', (name) => {
  const lines = readCorpus(name);
  it('has unique ids and lines without PII', () => {
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    expect(lines.filter((l) => l.entities.length === 0).length).toBeGreaterThan(name === 'pii-corpus.jsonl' ? 50 : 5);
  });
  it('has gold offsets inside the text, non-overlapping, not starting or ending in whitespace', () => {
    for (const l of lines) {
      let prevEnd = 0;
      for (const e of [...l.entities].sort((a, b) => a.start - b.start)) {
        expect(e.start, l.id).toBeGreaterThanOrEqual(prevEnd);
        expect(e.end, l.id).toBeLessThanOrEqual(l.text.length);
        expect(l.text.slice(e.start, e.end).trim(), l.id).toBe(l.text.slice(e.start, e.end));
        prevEnd = e.end;
      }
    }
  });
});
