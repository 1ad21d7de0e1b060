import { NOT_NAME } from './rules/person-context';
import type { Span } from './types';

// A capitalised word right after a name on the same line: the surname the model or a rule left behind
// ("[PERSON] Best" for "Regine Best"). Hyphenated and apostrophe surnames count as one word.
const NEXT_WORD = /^ (\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*)(?![\p{L}\p{N}])/u;

/** Grows each person span over the capitalised words that directly follow it. Spans must be merged. */
export function withNameTails(text: string, spans: Span[]): Span[] {
  return spans.map((span, i) => {
    if (span.type !== 'PERSON') return span;
    const limit = spans[i + 1]?.start ?? text.length;
    let end = span.end;
    for (let m = NEXT_WORD.exec(text.slice(end)); m && end + m[0].length <= limit && !NOT_NAME.test(m[1]!); m = NEXT_WORD.exec(text.slice(end))) {
      end += m[0].length;
    }
    return end === span.end ? span : { ...span, end };
  });
}
