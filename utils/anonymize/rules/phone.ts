import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Span } from '../types';
import { before, digitsOf, SPACED_LETTER, wordAlternation } from './match';
import { NUMBER_WORDS, THING_NUMBER_STEMS } from './number-labels';

// National formats are tried in these numbering plans (NANP covers US/CA and the Caribbean).
const COUNTRIES: CountryCode[] = [
  'US', 'GB', 'DE', 'FR', 'NL', 'BE', 'ES', 'IT', 'PT', 'CH', 'AT', 'PL', 'SE', 'NO', 'DK', 'FI', 'IE',
  'IN', 'CN', 'JP', 'KR', 'BR', 'MX', 'AR', 'NG', 'KE', 'ZA', 'EG', 'AE', 'SA', 'TR', 'RU', 'UA', 'AU', 'NZ', 'PH', 'ID',
];

// A ":" may glue a number to its label ("cell:202.555.0177", "T:+31…"), but not to another number (times).
// An extension ("x42", "ext. 12") belongs to the number.
// A letter of a script without spaces may touch the number: "电话13812345678", "…5678로".
const CANDIDATE = new RegExp(
  String.raw`(?<!${SPACED_LETTER}|[\p{N}+\-./])(?<!\p{N}\.?:)(?:\+ ?|00|\()?\d[\d ().\/\u00a0–-]{5,48}\d(?:,? ?(?:x|ext\.?|extn\.?|ext) ?\d{1,5})?(?!${SPACED_LETTER}|\p{N}|[.-]\d)`,
  'gu',
);
const EXTENSION = /,? ?(?:x|ext\.?|extn\.?) ?\d{1,5}$/;
// An extension written after the number in words: "ext. 12", "(Durchwahl 28)", "poste 231", "interno 4".
const EXTENSION_AFTER = new RegExp(
  String.raw`^[,;]?[ \t]?(\(?)(?:${wordAlternation(['ext', 'extn', 'extension', 'durchwahl', 'dw', 'nebenstelle', 'poste', 'interno', 'int', 'extensión', 'anexo', 'ramal', 'toestel', 'tst', 'wewn', 'wew', 'lokal', 'anknytning', 'linka', 'klapka', 'kl', 'mellék', 'dahili', 'доб', 'вн', 'εσωτ'])})\.?:?[ \t]?\d{1,5}(?![\p{L}\p{N}])`,
  'u',
);
// After the number: "…, that's my number", "… ist meine Nummer".
const PHONE_AFTER = new RegExp(
  String.raw`^[\s,;:–—-]*(?:(?:that'?s|that is|this is|it'?s|is|ist|das ist|c'est|es|è)\s+)?(?:${wordAlternation(['my', 'our', 'his', 'her', 'their', 'mein', 'meine', 'unsere', 'mon', 'notre', 'mi', 'nuestro', 'il mio', 'mio', 'mijn', 'ons', 'meu', 'o meu', 'mój', 'moje', 'mitt', 'mit'])})\s+(?:\p{L}+\s+)?(?:${wordAlternation(['number', 'phone', 'mobile', 'cell', 'landline', 'nummer', 'handy', 'handynummer', 'telefonnummer', 'numéro', 'portable', 'número', 'móvil', 'numero', 'cellulare', 'telefoon', 'telefone', 'numer', 'telefon', 'číslo'])})(?![\p{L}])`,
  'u',
);
// Words that say a number is a telephone's (labels, calling verbs) in several languages.
export const PHONE_WORDS = String.raw`phone|tel|mobile|mob|cell|call|fax|whatsapp|signal|telegram|sms|text me|reach me|reach us|ring|contact|desk|office|landline|direct line|direct|home|work|hotline|pick(?:s|ed)? up|(?:my|new|our|his|her) (?:\w+ )?number(?: is)?|(?:your|their|old) (?:(?:old|new|own|mobile|cell|home|work|phone|contact|direct|personal) )?number(?: is)?|handy|mobil|durchwahl|festnetz|büro|tél|port\.|portable|appel|rappel|fixe|bureau|telefon|teléfono|telefono|tfno|móvil|movil|fijo|celular|llam|lláma|ligar|chiam|richiam|cellulare|anruf|ruf|bel|gsm|tlf|puh|mobiel|telefoon|komórk|kom\.|telefonszám|sđt|điện thoại|telp|hubungi|тел|моб|звон|τηλ|κινητ|電話|电话|手机|携帯|연락처|전화|휴대폰|هاتف|جوال|موبايل|اتصل|טלפון|נייד|फोन|मोबाइल|โทร|\b[tmfh]\s?:|☎|📞`;
// A word that starts with one ("Telefonnummer", "llámame"), not one inside another word ("Bestellung", "hotel").
const PHONE_CONTEXT = new RegExp(`(?<!${SPACED_LETTER})(?:${PHONE_WORDS})[^\\d\\n]{0,20}$`, 'u');
// A number of a thing or an account, not a telephone: "order 1234567", "Bestellung 302-…", "part number is …",
// and the digit groups that go on a code after its label ("tracking JD0002 2519 8841 0076").
const OTHER_NUMBER_CONTEXT = new RegExp(
  String.raw`(?:(?:(?<![\p{L}])(?:${THING_NUMBER_STEMS})[\p{L}.-]*(?:[ \t]+[\p{L}\p{N}.-]{1,12})??|\b(?:account|acct|policy|id))\s*(?:(?:${NUMBER_WORDS})\s*)?(?:is\s+)?|no\.?|number|#|№)\s*[:#.]?\s*$`,
  'iu',
);
const CURRENCY_BEFORE = /[$€£¥₹₩₽]\s*$|\b(usd|eur|gbp|chf|inr|rs\.?)\s*$/;
const CURRENCY_AFTER = /^\s*(?:[$€£¥₹₩₽]|usd|eur|gbp|chf|dollars?|euros?|pounds?|rupees?)/i;
const DATE = /^(?:\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{2,4})$/;
// 1.234.567 / 1 234 567; a leading three-digit group (612 345 678) is also a common phone grouping.
const THOUSANDS = /^(?:\d{1,3}(?:\.\d{3})+|\d{1,2}(?: \d{3})+)$/;
const RANGE = /^\d{1,4} ?[-–] ?\d{1,4}$/;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/; // an IPv4 address

/**
 * "+" or "00", a country calling code and a national number of possible length: written this way a
 * number is a phone number even when its digits are not in an allocated range (new or test ranges,
 * typos), which libphonenumber's validity check would refuse.
 */
function internationalShape(candidate: string): boolean {
  const parsed = parsePhoneNumberFromString(candidate.replace(/^00/, '+'));
  const national = parsed?.nationalNumber.length ?? 0;
  return parsed !== undefined && national >= 6 && national <= 12;
}

// Between two numbers of one contact list: separators, "and"/"or", and at most a short label ("Fax:", "Desk").
const LIST_GAP = /^[\s,;/|·•–—&+\\-]*(?:(?:and|or|und|oder|et|ou|y|o|e|en|of|og|och)\s+)?(?:\p{L}[\p{L}.-]{0,14}\s?[:.]?\s*)?$/u;

function continuesList(text: string, previous: Span | undefined, from: number): boolean {
  return previous !== undefined && from - previous.end <= 24 && LIST_GAP.test(text.slice(previous.end, from));
}

/**
 * A second number written the same way as a phone number earlier in the sentence is one too: "call me at
 * 555-0134 or my husband at 555-0192".
 */
function sameShapeInSentence(text: string, previous: Span | undefined, from: number, value: string): boolean {
  if (previous === undefined || from - previous.end > 80 || /[.!?\n]/u.test(text.slice(previous.end, from))) return false;
  const shape = (s: string): string => s.replace(/\d/g, '0');
  return shape(text.slice(previous.start, previous.end)) === shape(value);
}

function validSomewhere(candidate: string): boolean {
  if (/^(\+|00)/.test(candidate)) {
    return parsePhoneNumberFromString(candidate.replace(/^00/, '+'))?.isValid() ?? false;
  }
  return COUNTRIES.some((c) => parsePhoneNumberFromString(candidate, c)?.isValid() ?? false);
}

// Several numbers in a row ("0171 2345678 / 0171 2345679") are split where a spaced slash or dash separates
// them, when each part is long enough to be a number of its own ("0 8 7 – 4 4 2 – 1 9 6 3" is one).
const ITEM_SEPARATOR = /\s[/–-]\s/u;

/** Each candidate number with its offset: brackets that open or close outside it trimmed, a run of several split. */
function* candidates(text: string): Generator<[number, string]> {
  for (const m of text.matchAll(CANDIDATE)) {
    let from = m.index ?? 0;
    let value = m[0];
    // A leading "(" without a matching ")" is punctuation around the number, not part of it; one opened
    // after it and not closed starts something else ("1 234 567 (2021").
    if (value.startsWith('(') && !value.includes(')')) {
      value = value.slice(1);
      from++;
    }
    const open = value.lastIndexOf('(');
    if (open > 0 && !value.includes(')', open)) value = value.slice(0, open).trimEnd();
    const parts = value.split(ITEM_SEPARATOR);
    if (parts.length === 1 || parts.some((p) => digitsOf(p).length < 7)) {
      yield [from, value];
      continue;
    }
    let at = 0;
    for (const part of parts) {
      const offset = value.indexOf(part, at);
      yield [from + offset, part];
      at = offset + part.length;
    }
  }
}

export function phoneSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const [from, value] of candidates(text)) {
    const digits = digitsOf(value);
    if (digits.length < 7 || digits.length > 15) continue;
    const number = value.replace(EXTENSION, '');
    const ctx = before(text, from, 30);
    if (CURRENCY_BEFORE.test(ctx) || CURRENCY_AFTER.test(text.slice(from + value.length, from + value.length + 10))) continue;
    let end = from + value.length;
    // The text says it is a phone number, or it follows one in a list of contact numbers: fail closed.
    const labelled =
      PHONE_CONTEXT.test(ctx) ||
      continuesList(text, spans.at(-1), from) ||
      PHONE_AFTER.test(text.slice(end, end + 40)) ||
      (sameShapeInSentence(text, spans.at(-1), from, value) && !OTHER_NUMBER_CONTEXT.test(ctx));
    // "1 2 3 4 5 6 7" is a list, not a number, unless the text says it is a phone's ("call me on 0 7 7 …"):
    // real groupings have few single digits.
    if (!labelled && (number.match(/(?<!\d)\d(?!\d)/g)?.length ?? 0) > 2) continue;
    if (DATE.test(number) || (!labelled && RANGE.test(number)) || DOTTED_QUAD.test(number) || (!labelled && THOUSANDS.test(number))) continue;
    const international = /^(\+|00)/.test(number);
    const separated = /[^\d]/.test(number);
    const accept =
      labelled ||
      (!OTHER_NUMBER_CONTEXT.test(ctx) &&
        ((international && internationalShape(number)) || ((separated || digits.length >= 10) && validSomewhere(number))));
    if (!accept) continue;
    const extension = EXTENSION_AFTER.exec(text.slice(end, end + 24));
    if (extension) end += extension[0].length + (extension[1] && text[end + extension[0].length] === ')' ? 1 : 0);
    spans.push({ type: 'PHONE', start: from, end, source: 'rule' });
  }
  return spans;
}
