import { isNotName } from './rules/person-context';
import type { Span } from './types';

// A capitalised word right after a name on the same line: the surname the model or a rule left behind
// ("[PERSON] Nováková" for "Jana Nováková"). Hyphenated and apostrophe surnames count as one word.
const NEXT_WORD = /^ (\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*)(?![\p{L}\p{N}])/u;
// After a name written in capitals ("GEORGIOS", "ΓΕΩΡΓΙΟΣ" in a form), a surname in capitals, unless a colon makes it the next field's label.
const NEXT_WORD_CAPITALS = /^ (\p{Lu}{2,}(?:['’-]\p{Lu}{2,})*)(?![\p{L}\p{N}])(?![ \t]*:)/u;
// A second name joined to a name ("[PERSON] and Dóra", "[PERSON] a Jiří Šťastný"); lowercase only in a
// text written without capitals ("jan de boer and piet").
const COORDINATED = /^ (?:and|und|et|y|e|en|a|och|og|i|és|or|oder|ou|o|of) (\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*(?: \p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*)?)(?![\p{L}\p{N}])/u;
const COORDINATED_LOWER = /^ (?:and|und|et|y|e|en|a|och|og|i|or) (\p{Ll}{2,})(?![\p{L}\p{N}])/u;

/** The name right after `end` as [start, end) offsets (a surname, or a second name after "and"), or null. */
function nameAfter(text: string, end: number, limit: number, caseless: boolean, capitals: boolean): [number, number] | null {
  const rest = text.slice(end, limit);
  const m = NEXT_WORD.exec(rest) ?? COORDINATED.exec(rest) ?? (caseless ? COORDINATED_LOWER.exec(rest) : null) ?? (capitals ? NEXT_WORD_CAPITALS.exec(rest) : null);
  if (!m || isNotName(m[1]!) || isNotName(m[1]!.charAt(0) + m[1]!.slice(1).toLowerCase())) return null;
  return [end + m[0].length - m[1]!.length, end + m[0].length];
}

/**
 * Grows each person span over the surname that directly follows it, and adds the names joined to it
 * ("… and Dóra") as spans of their own, so the conjunction stays readable. Spans must be merged.
 */
export function withNameTails(text: string, spans: Span[]): Span[] {
  const caseless = !/\p{Lu}/u.test(text);
  return spans.flatMap((span, i) => {
    if (span.type !== 'PERSON') return [span];
    const limit = spans[i + 1]?.start ?? text.length;
    const out: Span[] = [{ ...span }];
    const body = text.slice(span.start, span.end);
    const capitals = /\p{Lu}{2}/u.test(body) && !/\p{Ll}/u.test(body);
    for (let next = nameAfter(text, span.end, limit, caseless, capitals); next; ) {
      const last = out[out.length - 1]!;
      if (next[0] === last.end + 1) last.end = next[1];
      else out.push({ ...span, start: next[0], end: next[1] });
      next = nameAfter(text, next[1], limit, caseless, capitals);
    }
    return out;
  });
}
