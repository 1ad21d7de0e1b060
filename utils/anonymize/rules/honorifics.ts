import { caseless, wordAlternation } from './match';

// Titles written before a person's name: courtesy titles, academic and professional titles, ranks and
// the words for a family. Where they are read (a name follows them, a model span starts with one, one
// stands inside a model span after prose) they must be written as people write them before a name,
// which differs by group: a title that is also a common word or a given name when capitalised ("Pan
// Fried Salmon", "Don") counts only in lowercase, one that is a common abbreviation in lowercase ("m."
// for metres, "fr" for from) only capitalised.

/** How a title must be written to count: in any case, only with its first letter capital, or only in lowercase. */
type Casing = 'any' | 'capitalised' | 'lowercase';

/** Where titles are read. */
export type TitleUse =
  /** A title says the capitalised words after it are a name (the person-context, name-holder and residence rules). */
  | 'before name'
  /** A title a model span starts with names no one and is left readable ("Dr. [PERSON]", "Herrn [ADDRESS]"). */
  | 'span start'
  /** A title inside a model span after lowercase prose starts the person ("… avec le Dr Martin"). */
  | 'inside span';

type Group = { words: readonly string[]; casing: Partial<Record<TitleUse, Casing>> };

const GROUPS: readonly Group[] = [
  {
    // courtesy, academic and professional titles, and the ranks that are no common word
    words: [
      'mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'dame', 'madam', 'herr', 'herrn', 'frau', 'mme', 'mlle', 'sr', 'sra', 'srta',
      'sig', 'sig.ra', 'dott', 'dott.ssa', 'avv', 'mevr', 'dhr', 'fam', 'sheikh', 'shri', 'smt', 'sri', 'rev', 'dr', 'dra',
      'prof', 'capt', 'sgt', 'lt',
    ],
    casing: { 'before name': 'any', 'span start': 'any', 'inside span': 'capitalised' },
  },
  // "ING" is also a bank, which a model span may start with.
  { words: ['ing'], casing: { 'before name': 'any' } },
  // Ranks that are also words or names before a capitalised word ("Gen Z", "Maj Sjöberg"), and a family on a
  // doorbell or an envelope ("Family Fun Day"): read only where a model span already starts with them.
  { words: ['cpl', 'pvt', 'pfc', 'spc', 'cpt', 'maj', 'col', 'gen', 'familie', 'family', 'famille'], casing: { 'span start': 'any' } },
  // Slavic and Spanish courtesy titles are written in lowercase before a name mid-sentence ("z panem Nowakiem",
  // "don Ernesto"); capitalised at a sentence start they open a dish ("Pan Fried Salmon") or are a given name
  // ("Don"). After prose inside a span, the Slavic ones are titles capitalised too (a letter's "Pani Ewa").
  { words: ['pan', 'pani', 'panią', 'pana', 'panu', 'pane', 'paní'], casing: { 'before name': 'lowercase', 'span start': 'lowercase', 'inside span': 'capitalised' } },
  { words: ['don', 'doña', 'dona'], casing: { 'before name': 'lowercase', 'span start': 'lowercase' } },
  // "m." is also metres, "fr" from, "chief" an adjective: titles only capitalised. At a model span's start "M." is as
  // often an initial ("M. Janssens" in English), and the span is kept whole.
  { words: ['m.'], casing: { 'before name': 'capitalised', 'inside span': 'capitalised' } },
  { words: ['fr', 'chief'], casing: { 'before name': 'capitalised' } },
];

function written(word: string, casing: Casing): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (casing === 'any') return caseless(escaped);
  if (casing === 'lowercase') return escaped;
  return escaped.charAt(0).toUpperCase() + escaped.slice(1);
}

/**
 * Regex source matching one title as `use` reads it (longest first, without a following dot: callers
 * allow one with `\.?`).
 */
export function titleSource(use: TitleUse): string {
  return GROUPS.flatMap((g) => (g.casing[use] ? g.words.map((word) => ({ word, casing: g.casing[use]! })) : []))
    .sort((a, b) => b.word.length - a.word.length)
    .map(({ word, casing }) => written(word, casing))
    .join('|');
}

const BEFORE_NAME = new RegExp(String.raw`^(?:${titleSource('before name')})\.?$`, 'u');

/** `word` is a title that the rules read a name after ("Herr", "Dr.", "mrs"): itself no name. */
export function isTitleBeforeName(word: string): boolean {
  return BEFORE_NAME.test(word);
}

// Academic and professional titles stacked between an honorific or a salutation and the name ("Frau Dr. …",
// "Herr Prof. Dr. …", "Pani dr …"): read in any case.
export const STACKED_TITLE = wordAlternation(['dr', 'prof', 'mag', 'ing', 'dipl.-ing', 'phd', 'med', 'habil', 'univ']);
