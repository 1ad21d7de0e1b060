import { namesNoOne } from './not-entities';
import { isBirthLabel } from './rules/birth-date';
import { isFieldLabel, isOpenerAt } from './field-labels';
import { isNameCue, leadingNonName } from './rules/person-context';
import { innerLabels } from './rules/roles';
import { fromInnerTitle, splitAtSentenceEnds, withoutLowercaseEdges } from './span-edges';
import type { EntityType, NerToken, Span } from './types';

export type NerSpanOptions = {
  /** Tokens labelled as an entity below this score are still redacted when 0 (fail closed). */
  minScore?: number;
  /** MISC (nationalities, events, products) rarely identifies a person; off by default. */
  includeMisc?: boolean;
  /**
   * A token whose top label is O with a score below this is more likely part of some entity than not
   * (the entity labels share the rest of the probability), so it is redacted too: fail closed. Its type is
   * taken from the entity token next to it, else PERSON. Default 0.5; set 0 to trust the top label only.
   * Only words that start with a capital letter, or are written in a script without case, qualify: an
   * uncased model cannot see capitals, the strongest cue for a name, and lowercase words are rarely names.
   */
  uncertainO?: number;
};

const TYPE_OF: Record<string, EntityType> = {
  PER: 'PERSON',
  PERSON: 'PERSON',
  LOC: 'LOCATION',
  GPE: 'LOCATION',
  ADDR: 'ADDRESS',
  ADDRESS: 'ADDRESS',
  ORG: 'ORGANIZATION',
};

function labelType(entity: string, includeMisc: boolean): EntityType | null {
  const bare = entity.replace(/^[BIES]-/, '').toUpperCase();
  if (bare === 'MISC') return includeMisc ? 'ORGANIZATION' : null;
  return TYPE_OF[bare] ?? null;
}

/**
 * The text as an uncased WordPiece tokenizer sees it (lowercased, accents stripped), with the index in
 * the original text of every normalised character, so token matches map back to original offsets.
 */
/** Lowercase without accents: what uncased WordPiece vocabularies contain. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function normalizeWithMap(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const folded = fold(ch);
    for (const c of folded) {
      norm += c;
      map.push(i);
    }
    i += ch.length;
  }
  map.push(text.length);
  return { norm, map };
}

function pieceText(word: string): string {
  return word.startsWith('##') ? word.slice(2) : word;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_'’-]/u;
const PUNCT = /[\p{P}\p{S}]/u;

/** Widens a span to whole words: a partial name piece must not leave the rest of the name behind. */
export function expandToWords(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s > 0 && WORD_CHAR.test(text[s - 1]!)) s--;
  while (e < text.length && WORD_CHAR.test(text[e]!)) e++;
  // Don't swallow a trailing possessive/hyphen run that ends in punctuation only.
  while (e > s && /['’-]/.test(text[e - 1]!)) e--;
  while (s < e && /['’-]/.test(text[s]!)) s++;
  return [s, e];
}

// Lowercase particles inside one name ("van der", "da", "bin"): a model often leaves them O.
const NAME_PARTICLES = /^\s+(?:(?:van|von|der|den|de|da|di|del|della|dos|das|du|la|le|al|el|bin|ibn|ben|ter|ten|zu|y)\s+){1,3}$/u;

type Located = { token: NerToken; start: number; end: number };

/**
 * Finds each token in the text, left to right. Tokens that can't be found where expected (a tokenizer
 * the normaliser doesn't model, [UNK]) are searched for a little further on; an [UNK] takes the next
 * pre-token (a punctuation mark or a run of word characters).
 */
export function locateTokens(text: string, tokens: NerToken[]): Located[] {
  const { norm, map } = normalizeWithMap(text);
  const located: Located[] = [];
  let cursor = 0;
  const ordered = [...tokens].sort((a, b) => a.index - b.index);
  for (const token of ordered) {
    while (cursor < norm.length && /\s/u.test(norm[cursor]!)) cursor++;
    if (cursor >= norm.length) break;
    let from: number;
    let to: number;
    if (token.word === '[UNK]' || token.word === '<unk>') {
      from = cursor;
      to = cursor + 1;
      if (!PUNCT.test(norm[from]!)) while (to < norm.length && !/\s/u.test(norm[to]!) && !PUNCT.test(norm[to]!)) to++;
    } else {
      // Folded the same way as the text, so cased tokenizers (which keep "Müller") match too.
      const piece = fold(pieceText(token.word).replace(/^▁|^Ġ/, ''));
      if (piece.length === 0) continue;
      const found = norm.startsWith(piece, cursor) ? cursor : norm.indexOf(piece, cursor);
      if (found < 0) continue;
      from = found;
      to = found + piece.length;
    }
    located.push({ token, start: map[from]!, end: map[to]! });
    cursor = to;
  }
  return located;
}

/** Capitalised, or in a script without letter case (CJK, Arabic, Devanagari, …). */
function mayBeName(text: string, start: number): boolean {
  const [s] = expandToWords(text, start, start);
  const first = text.slice(s).match(/\p{L}/u)?.[0];
  return first !== undefined && (first !== first.toLowerCase() || first.toLowerCase() === first.toUpperCase());
}

/** The entity type of each located token, with uncertain O tokens typed after a neighbour. */
function tokenTypes(text: string, located: Located[], opts: NerSpanOptions): (EntityType | null)[] {
  const includeMisc = opts.includeMisc ?? false;
  const uncertainO = opts.uncertainO ?? 0.5;
  const minScore = opts.minScore ?? 0;
  const typed = located.map(({ token }) => (token.score < minScore ? null : labelType(token.entity, includeMisc)));
  return located.map(({ token, start }, i) => {
    if (typed[i] !== null || token.entity !== 'O' || token.score >= uncertainO || !mayBeName(text, start)) return typed[i]!;
    return typed[i - 1] ?? typed[i + 1] ?? 'PERSON';
  });
}

const LOWERCASE_MIN_SCORE = 0.9;

/** The writer starts sentences with a capital letter (the text's first letter, or one after . ! ?). */
function capitalisesSentences(text: string): boolean {
  return /(?:^|[.!?]\s+)[^\p{L}\n]*\p{Lu}/u.test(text);
}

// Form labels the model sometimes tags along with the value after them.
const FORM_LABEL = /^(?:re|fwd?|aw|wg|subject|betreff|objet|asunto|oggetto|onderwerp|address|adresse|anschrift|adres|indirizzo|dirección|domicilio|morada|phone|telephone|telefon|telefoon|teléfono|telefono|tel|tél|mobile|handy|cellulare|móvil|e-?mail|courriel|correo)\.?$/iu;

// Month and weekday names (and their abbreviations) in the languages the rules read.
const MONTH_OR_DAY = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|tues|wed|thu|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|januar|februar|märz|mai|juni|juli|oktober|dezember|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|lunes|martes|miércoles|jueves|viernes|sábado|domingo|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|januari|februari|maart|mei|augustus|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\.?`;
// "Tue Mar 11, 2025 9:14", "8am", "9:41 AM", "Mittwoch, 19. März 2025 09:30–10:00": words of a date or a time, and numbers.
const DATE_TIME = new RegExp(String.raw`^(?:(?:${MONTH_OR_DAY}|\d{1,4}(?:[:.]\d{2})?(?:\s?(?:am|pm|a\.m\.|p\.m\.|uhr)|h)?|[,./:–—-])\s*)+$`, 'iu');

// A title names no one: "Dr. [PERSON]" keeps the text readable and hides the same person.
const HONORIFIC = /^(?:dr|prof|mr|mrs|ms|mx|miss|sir|dame|herr|frau|mme|mlle|sr|sra|srta|dra|dott)\.?\s+/iu;

/**
 * Numbers alone are never a name, place or organisation: numeric identifiers (phones, cards,
 * postcodes, IDs) are the rule stage's, which checks their structure; the model, which reads
 * word pieces, would otherwise take dates, prices and amounts for addresses.
 */
function refine(text: string, span: Span): Span | null {
  let { start, end } = fromInnerTitle(text, span);
  if (span.type === 'PERSON') {
    const title = HONORIFIC.exec(`${text.slice(start, end)} `);
    if (title) start = Math.min(end, start + title[0].length);
  }
  // "Wethouder Femke de Groot", "Impressum", "Chief Financial Officer", "Ich bin …": a title, a form label, a
  // heading or a cue names no one, so it is not redacted with the name beside it (nor alone).
  start += leadingNonName(text.slice(start, end));
  if (isCueOrLabel(text.slice(start, end))) return null;
  if ((span.type === 'PERSON' || span.type === 'ORGANIZATION') && start < end && capitalisesSentences(text)) {
    ({ start, end } = withoutLowercaseEdges(text, { ...span, start, end }));
    start += leadingNonName(text.slice(start, end));
  }
  if (span.type === 'ADDRESS') {
    start += leadingProse(text.slice(start, end));
    end = start + untilTrailingProse(text.slice(start, end));
  }
  if (start >= end) return null;
  if (isFieldLabel(text, { ...span, start, end }) || isOpenerAt(text, { ...span, start, end })) return null;
  // Web addresses are the URL and e-mail rules' to judge: they keep a site's host readable.
  const before = text.slice(0, start).match(/\S*$/u)![0];
  const after = text.slice(end).match(/^\S*/u)![0];
  if (/:\/\/|www\.|@/u.test(before + text.slice(start, end) + after)) return null;
  const body = text.slice(start, end);
  if (!/\p{L}/u.test(body)) return null;
  // Names are written capitalised in every cased script; a lowercase-only span must be a sure one, and
  // in a text whose writer capitalises (a sentence starts with a capital) it is a common word ("hedgehogs").
  const caseless = !/\p{Lu}/u.test(body) && /\p{Ll}/u.test(body);
  if (caseless && ((span.score ?? 1) < LOWERCASE_MIN_SCORE || capitalisesSentences(text))) return null;
  // A date or time is not a place, and a birth-date label is not a name.
  if (span.type !== 'PERSON' && DATE_TIME.test(body)) return null;
  if (isCueOrLabel(body)) return null;
  // Codes only a rule can judge, and languages or nationalities, name no one.
  if (span.type !== 'PERSON' && namesNoOne(body)) return null;
  return { ...span, start, end };
}

/** A birth-date label, a cue word the rules read or a form label: names no one. */
function isCueOrLabel(body: string): boolean {
  return isBirthLabel(body) || isNameCue(body) || FORM_LABEL.test(body);
}

// Street kinds and unit words written in lowercase at the start of an address line.
const LOWERCASE_STREET_START = /^(?:rue|avenue|av|boulevard|bd|place|allée|impasse|chemin|quai|cours|route|calle|c\/|avenida|avda|paseo|plaza|carrera|rua|travessa|via|viale|piazza|corso|largo|vicolo|ul|al|pl|os|ulica|aleja|plac|osiedle|str|strada|straat|laan|weg|gata|gatan|vej|gade|utca|út|tér|flat|apt|unit|suite|bis|ter|nr|no|bl|ap|sc)(?![\p{L}])/u;

/**
 * Length of the lowercase words an address span starts with ("récupérer au 41 rue …", "studentessa di
 * architettura al Politecnico"): an address starts with a number, a capitalised name or a street kind, and
 * the model, reading a language it saw little of, runs addresses on over the prose before them.
 */
function leadingProse(body: string): number {
  let taken = 0;
  for (let m = /^\p{Ll}[\p{L}'’]*\s+/u.exec(body); m && !LOWERCASE_STREET_START.test(body.slice(taken)); m = /^\p{Ll}[\p{L}'’]*\s+/u.exec(body.slice(taken))) {
    taken += m[0].length;
  }
  return /[\p{L}\p{N}]/u.test(body.slice(taken)) ? taken : 0;
}

// Words that continue an address after a comma although written in lowercase: units, floors, districts.
const LOWERCASE_ADDRESS_PART = /^(?:apt|apartment|flat|suite|unit|floor|bajo|piso|planta|puerta|esc|escalera|izq|dcha|étage|bâtiment|bât|escalier|appartement|app|whg|stiege|tür|top|piano|scala|interno|int|bus|huis|ap|bl|sc|et|nr|no|m|lok|lokal|kat|daire|blok|mahallesi|bis|ter|rue|via|calle|avenida|rua|ul|al|pl|os)(?![\p{L}])/u;

/**
 * Where an address span runs on into the sentence after it (", bellen naar …", ", ring the top bell"): a
 * lowercase word of prose after a comma, not a unit or floor. Returns the length of `body` to keep.
 */
function untilTrailingProse(body: string): number {
  for (const m of body.matchAll(/,\s+(?=\p{Ll}{4,}(?![\p{L}.]))/gu)) {
    const word = body.slice((m.index ?? 0) + m[0].length);
    if (!LOWERCASE_ADDRESS_PART.test(word)) return m.index ?? 0;
  }
  // Lowercase words after a postcode and its place, up to the span's end, are the sentence going on
  // ("… 01159 Dresden wird heute zugestellt"), as in languages that put the verb last.
  const afterPlace = /(?<=\d{4,5}\s\p{Lu}[\p{L}-]+)(?:\s+(?!cedex(?![\p{L}]))\p{Ll}+)+\s*$/u.exec(body);
  if (afterPlace) return afterPlace.index;
  // A new sentence after the locality ("… 40124 Bologna. Prenotazioni al …"); "St. Mary", "Str. Mihai" are abbreviations.
  const sentence = /(?<=\p{L}{4}|\d)\.\s+(?=\p{Lu}\p{Ll}+\s+\p{Ll})/u.exec(body);
  return sentence ? sentence.index : body.length;
}

/**
 * Brackets, quotes and form labels delimit entities: "Ben Adler (Engineering)" is a name and a department, and a bracket
 * the model labelled along with a word ("CTO)") is no part of it.
 */
function splitAtBrackets(text: string, span: Span): Span[] {
  const parts: Span[] = [];
  // A form label inside a span starts another field ("Kundennummer 4471 0392, Lieferadresse Am Mühlbach 3").
  let body = text.slice(span.start, span.end);
  for (const [s, e] of innerLabels(body)) body = body.slice(0, s) + '('.repeat(e - s) + body.slice(e);
  for (const m of body.matchAll(/[^()[\]{}"“”„«»]+/gu)) {
    const lead = m[0].length - m[0].trimStart().length;
    const start = span.start + (m.index ?? 0) + lead;
    const end = start + m[0].trim().replace(/[\s,;:]+$/u, '').length;
    if (end > start) parts.push({ ...span, start, end });
  }
  return parts;
}

/** Maps model tokens to entity spans over `text`, merging adjacent tokens of one type into one span. */
export function nerSpans(text: string, tokens: NerToken[], opts: NerSpanOptions = {}): Span[] {
  const spans: Span[] = [];
  const located = locateTokens(text, tokens);
  const types = tokenTypes(text, located, opts);
  for (const [i, { token, start, end }] of located.entries()) {
    const type = types[i]!;
    if (type === null) continue;
    const [s, e] = expandToWords(text, start, end);
    const prev = spans[spans.length - 1];
    // Same type separated only by spaces or joining punctuation: one entity ("Mary-Jane O'Neil", "New York").
    // A line break ends an entity: headers, signatures and lists put one item on each line.
    const overlaps = prev !== undefined && s < prev.end;
    const gap = prev === undefined ? '' : text.slice(prev.end, s);
    const continues = prev !== undefined && ((!token.entity.startsWith('B-') && /^[^\S\n]*['’.-]?[^\S\n]*$/u.test(gap)) || NAME_PARTICLES.test(gap));
    if (prev && prev.type === type && (overlaps || continues)) {
      prev.end = Math.max(prev.end, e);
      // As sure as its surest piece: a weak last piece ("jake lol") must not make a sure name doubtful.
      prev.score = Math.max(prev.score ?? 0, token.score);
      continue;
    }
    spans.push({ type, start: s, end: e, source: 'model', score: token.score });
  }
  return spans
    .flatMap((span) => splitAtBrackets(text, span))
    .flatMap((span) => (span.type === 'ADDRESS' ? [span] : splitAtSentenceEnds(text, span)))
    .map((span) => refine(text, span))
    .filter((span): span is Span => span !== null);
}
