import { titleSource } from './rules/honorifics';
import type { Span } from './types';

// Lowercase words that belong to a name: particles ("de Groot", "van der Berg", "bin Rashid").
const PARTICLE = /^(?:van|von|der|den|de|da|di|del|della|dos|das|do|du|la|le|al|el|bin|ibn|ben|ter|ten|zu|af|av)$/u;
const WORD = /[^\s]+/gu;
const CAPITALISED = /^[^\p{L}]*\p{Lu}/u;
const LOWERCASE = /^[^\p{L}]*\p{Ll}/u;

/**
 * A person's name starts and ends with a capitalised word (particles may precede it), an organisation's
 * starts with one: in a text whose writer capitalises, the lowercase words at those edges of a model span
 * are the prose the model ran it on over ("bei Voestalpine", "Mehmet'e söyler", "recibí de don Ernesto
 * Salgado"). Returns the span without them, or the span unchanged when no capitalised word would remain.
 */
export function withoutLowercaseEdges(text: string, span: Span): Span {
  const words = [...text.slice(span.start, span.end).matchAll(WORD)].map((m) => ({
    word: m[0],
    start: span.start + (m.index ?? 0),
    end: span.start + (m.index ?? 0) + m[0].length,
  }));
  let first = 0;
  while (first < words.length && LOWERCASE.test(words[first]!.word)) {
    let next = first;
    while (next < words.length && PARTICLE.test(words[next]!.word)) next++;
    // Places and addresses start at their name: a lowercase word before it is an article ("la Plaza Mayor", "der Sporthalle").
    if (span.type !== 'LOCATION' && next > first && next < words.length && CAPITALISED.test(words[next]!.word)) break;
    first++;
  }
  let last = words.length - 1;
  // Organisations may end in a lowercase word ("Nyby bruk"); people's names and places do not ("Königsberg geboren",
  // "Croydon is": the sentence going on; "Gerasdorf bei Wien" ends capitalised).
  if (span.type !== 'ORGANIZATION') while (last >= first && LOWERCASE.test(words[last]!.word)) last--;
  if (first > last || !words.slice(first, last + 1).some((w) => CAPITALISED.test(w.word))) return span;
  return { ...span, start: words[first]!.start, end: words[last]!.end };
}

// A sentence ends after a word of two or more letters that is not an abbreviation of a title or a street.
const SENTENCE_END = new RegExp(
  String.raw`(?<=[\p{L}]{2})(?<![\s(](?:${titleSource('inside span')}|Jr|St|Sv|Mt|Ft|Str|Av|Ave|Rd|ul|nr|Nr|no|No)(?=\.))[.!?]+\s+(?=\P{Ll})`,
  'gu',
);

/** Splits a model span where a sentence ends inside it ("Yıldız. Siparişim …"): one entity never spans two sentences. */
export function splitAtSentenceEnds(text: string, span: Span): Span[] {
  const body = text.slice(span.start, span.end);
  const parts: Span[] = [];
  let from = 0;
  for (const m of body.matchAll(SENTENCE_END)) {
    const at = m.index ?? 0;
    if (at > from) parts.push({ ...span, start: span.start + from, end: span.start + at });
    from = at + m[0].length;
  }
  if (from < body.length) parts.push({ ...span, start: span.start + from, end: span.end });
  return parts;
}

// A title before a capitalised word inside a person span: the name starts after it.
const INNER_TITLE = new RegExp(String.raw`(?<=\s)(?:${titleSource('inside span')})\.?\s+(?=\p{Lu})`, 'gu');
const PROSE_WORD = /(?<![\p{L}'’-])(?!(?:van|von|der|den|de|da|di|del|della|dos|das|do|du|la|le|al|el|bin|ibn|ben|ter|ten|zu|af|av|and|und|et|y|e|en|och|og|i|a|és|or|oder|ou|o)(?![\p{L}]))\p{Ll}{2,}(?![\p{L}'’-])/u;

/**
 * "Rendez-vous confirmé avec le Dr Martin": when lowercase prose (not a particle or a conjunction joining
 * two names) comes before a title inside a person span, the model ran the name on over the sentence
 * before it, and the person starts after the title.
 */
export function fromInnerTitle(text: string, span: Span): Span {
  if (span.type !== 'PERSON') return span;
  const body = text.slice(span.start, span.end);
  let from = 0;
  for (const m of body.matchAll(INNER_TITLE)) {
    if (PROSE_WORD.test(body.slice(from, m.index))) from = (m.index ?? 0) + m[0].length;
  }
  return from === 0 ? span : { ...span, start: span.start + from };
}
