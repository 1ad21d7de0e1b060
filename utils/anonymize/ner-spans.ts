import { namesNoOne, onlyFunctionWords } from './not-entities';
import { isAddressLabel } from './rules/address';
import { isBirthLabel } from './rules/birth-date';
import { CALENDAR_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES } from './rules/calendar';
import { titleSource } from './rules/honorifics';
import { wordAlternation } from './rules/match';
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
const FORM_LABEL = /^(?:re|fwd?|aw|wg|subject|betreff|objet|asunto|oggetto|onderwerp|phone|telephone|telefon|telefoon|teléfono|telefono|tel|tél|mobile|handy|cellulare|móvil|e-?mail|courriel|correo)\.?$/iu;

const MONTH_OR_DAY = String.raw`(?:${wordAlternation([...MONTH_NAMES, ...WEEKDAY_NAMES, ...CALENDAR_ABBREVIATIONS, 'tues', 'thurs'])})\.?`;
// German and Dutch two-letter weekdays ('Mo–Fr', 'ma t/m vr'), and the words that join a date to an hour or a range.
const DATE_WORD = String.raw`(?:mo|di|mi|do|fr|sa|so|ma|wo|vr|za|zo|bis|ab|von|vom|um|to|till|until|from|and|und|et|y|e|om|at|à|a|las|alle|dalle|ore|le|il|el|den|der|am|on|de|tot|tussen|en|entre)\.?`;
// "Tue Mar 11, 2025 9:14", "8am", "9:41 AM", "Mittwoch, 19. März 2025 09:30–10:00", "8 bis 18 Uhr", "14/01 a las
// 09:20", "5 februari om 10.30 uur": words of a date or a time, and numbers.
const DATE_TIME = new RegExp(String.raw`^(?:(?:(?:${MONTH_OR_DAY}|${DATE_WORD})(?![\p{L}])|\d{1,4}(?:[:./]\d{1,2}){0,2}\.?(?:\s?(?:am|pm|a\.m\.|p\.m\.|uhr|uur|ore|hrs?)|h\d{0,2})?(?![\p{L}\d])|[,./:–—-])\s*)+$`, 'iu');

// A title names no one: "Dr. [PERSON]" keeps the text readable and hides the same person.
const HONORIFIC = new RegExp(String.raw`^(?:${titleSource('span start')})\.?\s+`, 'u');
// A title alone names no one, but one written alone in capitals without its dot is an acronym: a
// company's or a signature's ("DHR", "ING"), kept whole.
function afterHonorific(text: string, start: number, end: number): number {
  const title = HONORIFIC.exec(`${text.slice(start, end)} `);
  if (!title) return start;
  if (start + title[0].length >= end && /^\p{Lu}{2,}$/u.test(text.slice(start, end))) return start;
  return Math.min(end, start + title[0].length);
}

const TRAILING_CONJUNCTION = /[\s,]+(?:and|und|et|y|e|og|och|oder|or|ou|o|mais|but|if|aber|ma|pero|mas|maar|men|ale|ve|és)$/u;

/**
 * Numbers alone are never a name, place or organisation: numeric identifiers (phones, cards,
 * postcodes, IDs) are the rule stage's, which checks their structure; the model, which reads
 * word pieces, would otherwise take dates, prices and amounts for addresses.
 */
function refine(text: string, span: Span): Span | null {
  let { start, end } = fromInnerTitle(text, span);
  // Any span: an address line or a company the model starts at the addressee's title ("MRS HELEN …", "Herrn Weidinger").
  start = afterHonorific(text, start, end);
  // A conjunction ends no name, place or address ("…, 28202 Rapla, Eesti and …"): the next one starts after it.
  const conjunction = TRAILING_CONJUNCTION.exec(text.slice(start, end));
  if (conjunction) end = start + conjunction.index;
  // "Wethouder Femke de Groot", "Impressum", "Chief Financial Officer", "Ich bin …": a title, a form label, a
  // heading or a cue names no one, so it is not redacted with the name beside it (nor alone); nor is the
  // honorific after a greeting ("Thanks Mr Patel").
  start = afterHonorific(text, start + leadingNonName(text.slice(start, end)), end);
  if (isCueOrLabel(text.slice(start, end))) return null;
  if (span.type !== 'ADDRESS' && start < end && capitalisesSentences(text)) {
    ({ start, end } = withoutLowercaseEdges(text, { ...span, start, end }));
    start += leadingNonName(text.slice(start, end));
  }
  if (span.type === 'ADDRESS') {
    start += leadingLabel(text.slice(start, end));
    start += leadingDateTime(text.slice(start, end));
    start += leadingProse(text.slice(start, end));
    end = start + untilTrailingProse(text.slice(start, end));
    if (isLabelWord(text, start, end)) return null;
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
  if (span.type !== 'PERSON' && (DATE_TIME.test(body) || onlyMeasures(body))) return null;
  if (isCueOrLabel(body) || onlyFunctionWords(body)) return null;
  // Codes only a rule can judge, and languages or nationalities, name no one.
  if (span.type !== 'PERSON' && namesNoOne(body)) return null;
  return { ...span, start, end };
}

/** A birth-date label, a cue word the rules read or a form label: names no one. */
function isCueOrLabel(body: string): boolean {
  return isBirthLabel(body) || isAddressLabel(body) || isNameCue(body) || FORM_LABEL.test(body);
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

// A field label inside an address span ("PLZ/Ort: 81375 München", "Termin: Mo, 12.01."): the value starts after it.
const LEADING_LABEL = /^[^\n:\d]{1,40}:\s+(?=\S)/u;

// "Bağdat Caddesi No: 14", "Kat: 3": a house number, flat or floor written with a colon is part of the address.
const NUMBER_WORD = /(?:^|[\s.])(?:no|nr|n°|nº|numara|apt|daire|kat|blok|flat|unit|suite|box)\.?\s*:\s+$/iu;

function leadingLabel(body: string): number {
  const label = LEADING_LABEL.exec(body)?.[0];
  return label === undefined || NUMBER_WORD.test(label) ? 0 : label.length;
}

/** A span without a digit right before a colon is a form field's label ("Mobil:", "Street:", "Cep:"), not an address. */
function isLabelWord(text: string, start: number, end: number): boolean {
  return !/\d/u.test(text.slice(start, end)) && /^[^\s:]{0,12}[ \t]?:(?!\/\/)/u.test(text.slice(end));
}

// A size, a weight, an energy, an amount of money, a date or an hour.
const MEASURE = /^(?:\d[\d.,  ]*\s?(?:m²|m2|qm|m³|kg|g|kwh|kw|watt|liter|litre|l|ml|km|cm|mm|%|gb|tb|€|eur|euro|usd|\$|£|gbp|chf|kr|sek|nok|dkk|kč|czk|zł|pln|ft|huf|lei|ron|tl|try|uhr|h|am|pm|yrs?|years?|jahre|años|anni|ans|jaar|lat)(?![\p{L}\d])|[€$£]\s?\d|\d{1,2}[:.]\d{2}(?![\d.])|\d{1,2}[./]\d{1,2}[./]\d{2,4}(?!\d))/iu;

/** Length of the date and hour an address span starts with ("22/01/2026 ore 11:00, Ospedale Maggiore"), up to its comma. */
function leadingDateTime(body: string): number {
  const comma = /,\s+/u.exec(body);
  return comma && DATE_TIME.test(body.slice(0, comma.index)) ? comma.index + comma[0].length : 0;
}

/** Sizes, amounts, dates or hours only ("2 yrs", "14 500 Kč", "48213 kWh"): no place. */
function onlyMeasures(body: string): boolean {
  return body.split(/[,;]\s*/u).every((part) => {
    const m = MEASURE.exec(part.trim());
    return m !== null && /^[\s.!?)]*$/u.test(part.trim().slice(m[0].length));
  });
}

const LOWER_WORD = String.raw`\p{Ll}[\p{L}'’]*`;
const PARTICLE_RUN = String.raw`(?:${LOWER_WORD}\s+){1,3}\p{Lu}`;
const POSTCODE_PLACE = String.raw`(?:\d{4,5}|\d{3}\s\d{2}|\d{2}-\d{3})\s\p{Lu}[\p{L}-]*(?:\s+(?:\p{Lu}[\p{L}.-]*|(?=${PARTICLE_RUN})${LOWER_WORD}))*`;
const AFTER_PLACE = new RegExp(String.raw`(?<=${POSTCODE_PLACE})\s+(?!${PARTICLE_RUN})(?!cedex(?![\p{L}]))(?=\p{Ll})`, 'u');

/**
 * Where an address span runs on into the sentence after it (", bellen naar …", ", ring the top bell"): a
 * lowercase word of prose after a comma, not a unit or floor. Returns the length of `body` to keep.
 */
function untilTrailingProse(body: string): number {
  for (const m of body.matchAll(/,\s+(?=\p{Ll}{4,}(?![\p{L}.]))/gu)) {
    const word = body.slice((m.index ?? 0) + m[0].length);
    if (!LOWERCASE_ADDRESS_PART.test(word)) return m.index ?? 0;
  }
  // A part after a comma that is a size, an amount, a date or an hour is the ad or the sentence going on
  // ("Schillerstraße 42, 14 m², 390 € warm", "…, 2200 Watt", "…, 12.01.2026, 08:15 Uhr").
  for (const m of body.matchAll(/,\s+/gu)) {
    const rest = body.slice((m.index ?? 0) + m[0].length);
    if (MEASURE.test(rest) || DATE_TIME.test(rest)) return m.index ?? 0;
  }
  // After a postcode and its place, a lowercase word is the sentence going on ("… 01159 Dresden wird heute
  // zugestellt", "… 10121 Torino a partire dal 30 giugno", "… 2200 København N den 1. maj") unless a
  // capitalised word follows it, which makes it a particle of the place ("Braunau am Inn", "Alcalá de Henares").
  const afterPlace = AFTER_PLACE.exec(body);
  if (afterPlace) return afterPlace.index;
  // A new sentence after the locality ("… 40124 Bologna. Prenotazioni al …"); "St. Mary", "Str. Mihai" are abbreviations.
  // A sentence ends at "!" and "?" whatever follows.
  const sentence = /(?<=\p{L}{4}|\d)(?<!str)\.\s+(?=\p{Lu}\p{Ll}+(?:\s+\p{Ll}|$))|[!?]+\s+/u.exec(body);
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
    .filter((span): span is Span => span !== null)
    .map((span) => (span.type === 'ORGANIZATION' ? withCompanyKind(text, span) : span));
}

// Words that end a company's or an institution's name ("Haddad & Sons Trading", "Nordlicht Holding GmbH").
const COMPANY_KIND = /^[^\S\n]+(?:Trading|Group|Holdings?|Homes|Partners|Associates|Industries|Services|Solutions|Systems|Technologies|Consulting|Foundation|Institute|University|College|Bank|Insurance|Logistics|Motors|Media|Labs|Studios?|Ltd|Limited|Inc|LLC|LLP|PLC|Corp|Corporation|Company|Co|GmbH|AG|KG|SE|SA|SAS|SARL|SpA|Srl|BV|NV|AB|ASA|Oyj?|Kft|Zrt|s\.r\.o|a\.s|e\.V)\.?(?![\p{L}\p{N}])/u;

/** An organisation span grows over the kind words that end its name and that the model left out. */
function withCompanyKind(text: string, span: Span): Span {
  let end = span.end;
  for (let m = COMPANY_KIND.exec(text.slice(end)); m; m = COMPANY_KIND.exec(text.slice(end))) end += m[0].replace(/\.$/u, '').length;
  return end === span.end ? span : { ...span, end };
}

// Identifiers a rule checks by their structure; the model labels none of them (they are O in its training).
const STRUCTURED: ReadonlySet<EntityType> = new Set(['EMAIL', 'PHONE', 'CARD', 'IBAN', 'SSN', 'IP', 'URL', 'SECRET', 'WALLET', 'DATE_OF_BIRTH', 'ID']);

/**
 * Model address spans built around a number a rule identified as something else ("0171 … if", "nar. 14. 8.
 * 1966", "kat. B, nr 04127/19/1465"): once the rule's spans are taken out, an address keeps a house number
 * or a postcode. Without one, the model read the identifier as an address and ran it on over the words
 * beside it: what is left of the span is kept only where it holds a capitalised word (a name the model
 * may have taken along, "Jiří Kučera, nar. …"), without the lowercase words and abbreviations at its edges.
 */
export function withoutIdentifierRunOns(text: string, model: Span[], rules: Span[]): Span[] {
  const structured = rules.filter((r) => STRUCTURED.has(r.type));
  return model.flatMap((span) => {
    if (span.type !== 'ADDRESS') return [span];
    const inside = structured.filter((r) => r.start < span.end && r.end > span.start).sort((a, b) => a.start - b.start);
    if (inside.length === 0) return [span];
    const parts: Span[] = [];
    let from = span.start;
    for (const r of [...inside, { start: span.end, end: span.end }]) {
      if (r.start > from) parts.push({ ...span, start: from, end: r.start });
      from = Math.max(from, r.end);
    }
    if (parts.some((p) => /\d/u.test(text.slice(p.start, p.end)))) return [span];
    return parts.flatMap((p) => {
      const words = [...text.slice(p.start, p.end).matchAll(/\S+/gu)].filter((m) => /^[^\p{L}]*\p{Lu}/u.test(m[0]) && !/\.$/u.test(m[0].replace(/[,;:]+$/u, '')));
      if (words.length === 0) return [];
      const first = words[0]!;
      const last = words[words.length - 1]!;
      return [{ ...span, start: p.start + (first.index ?? 0), end: p.start + (last.index ?? 0) + last[0].replace(/[,;:]+$/u, '').length }];
    });
  });
}
