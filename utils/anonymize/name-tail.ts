import { NOT_NAME } from './rules/person-context';
import type { Span } from './types';

// A capitalised word right after a name on the same line: the surname the model or a rule left behind
// ("[PERSON] Nováková" for "Jana Nováková"). Hyphenated and apostrophe surnames count as one word.
const NEXT_WORD = /^ (\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*)(?![\p{L}\p{N}])/u;
// A second name joined to a name ("[PERSON] and Dóra", "[PERSON] a Jiří Šťastný"); lowercase only in a
// text written without capitals ("jan de boer and piet").
const COORDINATED = /^ (?:and|und|et|y|e|en|a|och|og|i|és|or|oder|ou|o|of) (\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*(?: \p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*)?)(?![\p{L}\p{N}])/u;
const COORDINATED_LOWER = /^ (?:and|und|et|y|e|en|a|och|og|i|or) (\p{Ll}{2,})(?![\p{L}\p{N}])/u;

function nameAfter(text: string, end: number, limit: number, caseless: boolean): number {
  const rest = text.slice(end, limit);
  const m = NEXT_WORD.exec(rest) ?? COORDINATED.exec(rest) ?? (caseless ? COORDINATED_LOWER.exec(rest) : null);
  return m && !NOT_NAME.test(m[1]!) ? end + m[0].length : end;
}

/** Grows each person span over the names that directly follow it. Spans must be merged. */
export function withNameTails(text: string, spans: Span[]): Span[] {
  const caseless = !/\p{Lu}/u.test(text);
  return spans.map((span, i) => {
    if (span.type !== 'PERSON') return span;
    const limit = spans[i + 1]?.start ?? text.length;
    let end = span.end;
    for (let next = nameAfter(text, end, limit, caseless); next > end; next = nameAfter(text, end, limit, caseless)) end = next;
    return end === span.end ? span : { ...span, end };
  });
}
