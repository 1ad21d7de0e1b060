import type { EntityType, Span } from '../types';

/** Collects every match of a global regex as a rule span, keeping those `accept` approves. */
export function matchSpans(
  text: string,
  re: RegExp,
  type: EntityType,
  accept: (m: RegExpExecArray) => boolean = () => true,
  group = 0,
): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(re)) {
    if (!accept(m)) continue;
    const value = m[group];
    if (value === undefined || value.length === 0) continue;
    const offset = group === 0 ? 0 : m[0].indexOf(value);
    const start = (m.index ?? 0) + offset;
    spans.push({ type, start, end: start + value.length, source: 'rule' });
  }
  return spans;
}

// A letter of a script written with spaces between words. Chinese, Japanese and Thai write none, and
// Korean glues particles to numbers ("…5678로"), so their letters may touch a number or its label.
const UNSPACED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hangul}`;
export const SPACED_LETTER = String.raw`(?![${UNSPACED}])\p{L}`;

/** The `width` characters before `index`, lowercased, for keyword context checks. */
export function before(text: string, index: number, width = 24): string {
  return text.slice(Math.max(0, index - width), index).toLowerCase();
}

export function after(text: string, index: number, width = 24): string {
  return text.slice(index, index + width).toLowerCase();
}

export function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/**
 * Makes a regex source case-insensitive letter by letter. Needed because the `i` flag would also make
 * `\p{Lu}` (the capital-letter test that recognises names) match lowercase letters. Greek is written
 * without its accents in capitals ("ΗΜ. ΓΕΝΝΗΣΗΣ" for "ημ. γέννησης"), and often typed without them, so
 * an accented Greek letter also matches its bare forms.
 */
export function caseless(source: string): string {
  return source.replace(/\\.|\[[^\]]*\]|\p{L}/gu, (t) => {
    if (t.length > 1) return t;
    const forms = new Set([t.toLowerCase(), t.toUpperCase()]);
    if (/\p{Script=Greek}/u.test(t)) {
      const bare = t.normalize('NFD').replace(/\p{M}/gu, '');
      forms.add(bare.toLowerCase()).add(bare.toUpperCase());
    }
    forms.add(t);
    return forms.size === 1 ? t : `[${[...forms].join('')}]`;
  });
}

/** Regex source matching any of `words` literally, longest first (so "z. hd." wins over "z."), case-insensitive letter by letter. */
export function wordAlternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => caseless(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('|');
}

// Hyphens, brackets and the plus sign written full-width (CJK) or as a minus sign.
const FOLDED_PUNCTUATION: Record<string, string> = { '－': '-', '−': '-', '（': '(', '）': ')', '＋': '+', '．': '.', '／': '/' };

/**
 * The text with every decimal digit of another script (Arabic-Indic "٠٥٥", Devanagari, Thai, full-width
 * "０９０") written as an ASCII digit and full-width number punctuation as ASCII, one code unit for one,
 * so the rules' offsets hold for the original text.
 */
export function foldDigits(text: string): string {
  return text.replace(/(?![0-9])[\p{Nd}－−（）＋．／]/gu, (c) => {
    if (c.length !== 1) return c;
    if (FOLDED_PUNCTUATION[c]) return FOLDED_PUNCTUATION[c]!;
    // Decimal digits come in runs of ten from zero: the value is the place in the run.
    let value = 0;
    for (let cp = c.charCodeAt(0) - 1; value < 9 && /\p{Nd}/u.test(String.fromCharCode(cp)); cp--) value++;
    return String(value);
  });
}
