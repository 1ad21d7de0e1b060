// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../../utils/collect/article-text';
import { TEXT_LIMITS } from '../../../utils/wire/signal';

/**
 * Extraction measured on saved pages (test/fixtures/pages): for each `<page>.html`, `<page>.main.txt`
 * is its main text written by hand and `<page>.others.txt` the names of other people on it
 * (commenters, reviewers, posters, listed users), one a line, none of which may reach the excerpt.
 */
const DIR = join(import.meta.dirname, '../../fixtures/pages');
const PAGES = readdirSync(DIR).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -'.html'.length)).sort();

// CJK scripts are written without spaces: each character is a token there.
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu;
const tokens = (text: string): string[] => text.toLowerCase().match(TOKEN) ?? [];

function overlap(got: string[], want: string[]): number {
  const counts = new Map<string, number>();
  for (const t of want) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of got) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared += 1;
      counts.set(t, n - 1);
    }
  }
  return shared;
}

/** A saved page as the browser builds it, declarative shadow roots included (happy-dom's parser leaves them as templates). */
function load(html: string): void {
  document.open();
  document.write(html);
  document.close();
  for (const template of Array.from(document.querySelectorAll('template[shadowrootmode]'))) {
    const host = template.parentElement!;
    const root = host.attachShadow({ mode: template.getAttribute('shadowrootmode') as ShadowRootMode });
    root.append((template as HTMLTemplateElement).content.cloneNode(true));
    template.remove();
  }
}

const read = (page: string, ext: string): string => {
  try {
    return readFileSync(join(DIR, `${page}.${ext}`), 'utf8');
  } catch {
    return '';
  }
};

interface Score { page: string; precision: number; recall: number; namesLeaked: number; names: number }

describe('main text on the page corpus', () => {
  const scores: Score[] = [];

  it.each(PAGES)('%s', (page) => {
    load(read(page, 'html'));
    const excerpt = articleText(document, TEXT_LIMITS.textChars);
    const want = tokens(read(page, 'main.txt'));
    const got = tokens(excerpt);
    const shared = overlap(got, want);
    const names = read(page, 'others.txt').split('\n').map((n) => n.trim()).filter(Boolean);
    const leaked = names.filter((name) => excerpt.includes(name));
    scores.push({ page, precision: got.length ? shared / got.length : 0, recall: want.length ? shared / want.length : 1, namesLeaked: leaked.length, names: names.length });
    expect(want.length, 'a page without its main text').toBeGreaterThan(0);
    expect(leaked, 'names of other people in the excerpt').toEqual([]);
  });

  it('averages recall and precision of at least 0.9', () => {
    expect(scores.length).toBe(PAGES.length);
    const mean = (key: 'precision' | 'recall') => scores.reduce((sum, s) => sum + s[key], 0) / scores.length;
    const names = scores.reduce((sum, s) => sum + s.names, 0);
    const leaked = scores.reduce((sum, s) => sum + s.namesLeaked, 0);
    console.table(scores.map((s) => ({ ...s, precision: s.precision.toFixed(2), recall: s.recall.toFixed(2) })));
    console.log(`pages ${scores.length}: precision ${mean('precision').toFixed(3)}, recall ${mean('recall').toFixed(3)}, names leaked ${leaked}/${names}`);
    expect(PAGES.length).toBeGreaterThanOrEqual(30);
    expect(mean('recall')).toBeGreaterThanOrEqual(0.9);
    expect(mean('precision')).toBeGreaterThanOrEqual(0.9);
  });
});
