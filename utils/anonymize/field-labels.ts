import { leadingOpener } from './rules/openers';
import type { Span } from './types';

// A line that starts with a capitalised word, goes on in lowercase words and ends its first part with a
// colon is a form field's label ("Data urodzenia:", "Fecha de nacimiento:", "N° de sécurité sociale :",
// "Parent/guardian phone:", "Ordine del giorno:"): its words name no one. A chat speaker ("Priyanka:",
// "Yusuf Demir:") has no lowercase word, and one who speaks or writes ("Anna (anna@…) wrote:") is left to the model.
const LABEL = /^[ \t]*((?:\p{Lu}|N°)[^\n:]{0,40}?)[ \t]*:(?!\/\/)/u;
const LOWERCASE_WORD = /(?<![\p{L}\p{N}_@.'’-])(?!(?:van|von|der|den|de|da|di|del|della|dos|das|du|la|le|al|el|bin|ibn|ben|zu)(?![\p{L}]))\p{Ll}{3,}(?![\p{L}\p{N}_@.-])/u;
const SPEAKS = /(?<![\p{L}])(?:wrote|writes|said|says|asked|asks|replied|schrieb|schreibt|sagte|sagt|écrit|dit|escribió|dice|scrive|schreef|zei|skrev|sa|napisał|napisała|pisze|napsal|napsala|yazdı|dedi)(?![\p{L}])|[(@]/u;
const POSSESSIVE = /\p{L}['’]s?(?![\p{L}])/u;

/** The span lies at the start of a field label on its line. */
export function isFieldLabel(text: string, span: Span): boolean {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const m = LABEL.exec(text.slice(lineStart));
  if (!m) return false;
  const labelStart = lineStart + m[0].indexOf(m[1]!);
  const label = m[1]!;
  return span.start === labelStart && span.end <= labelStart + label.length && LOWERCASE_WORD.test(label) && !SPEAKS.test(label) && !POSSESSIVE.test(label);
}

function openerCovers(text: string, from: number, span: Span): boolean {
  const opener = leadingOpener(text.slice(from, from + 60));
  return opener > 0 && from + text.slice(from, from + opener).trimEnd().replace(/[\s!,.:;]+$/u, '').length >= span.end;
}

/**
 * The span lies inside a greeting or a collective salutation written at its place: its start ("Dobrý" of
 * "Dobrý den") or, the greeting starting one word before the span, its second word ("Gott" of "Grüß Gott").
 */
export function isOpenerAt(text: string, span: Span): boolean {
  const wordBefore = /(?:^|\s)(\S+)\s+$/u.exec(text.slice(Math.max(0, span.start - 40), span.start));
  return openerCovers(text, span.start, span) || (wordBefore !== null && openerCovers(text, span.start - wordBefore[0].length + wordBefore[0].indexOf(wordBefore[1]!), span));
}
