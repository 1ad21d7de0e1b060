import { postcodeValidator } from 'postcode-validator';
import type { Span } from '../types';
import { before, matchSpans, wordAlternation } from './match';

const CITY = String.raw`\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+){0,2}`;
// Distinctive shapes that are safe on their own.
const UK = /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/g;
const CA = /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/g;
const NL = /\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b(?= |,|$|\n)/g;
// US: ZIP after a state abbreviation ("Springfield, IL 62704-1234").
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const US = new RegExp(String.raw`(?:${CITY},? )?\b(?:${US_STATES}),? \d{5}(?:-\d{4})?\b`, 'gu');
// DE/FR/ES/IT/FI…: five digits directly before a capitalised place name ("10115 Berlin", "75002 Paris");
// the place name is part of the address line, so the span includes it.
const FIVE_CITY = new RegExp(String.raw`(?<![\p{N}.,])(?:(?:D|F|E|I|A|CH|L|B)-)?\d{5} ${CITY}`, 'gu');
// AT/CH/BE/DK/NO/AU/…: four digits before a place name, only on an address-like line (after a comma or line start).
const FOUR_CITY = new RegExp(String.raw`(?<=(?:^|\n|, ?)(?:(?:CH|A|B|DK|N|L)-)?)\d{4} ${CITY}`, 'gu');
// PL/PT/BR/CZ/SK/SE/GR shapes before a place name ("00-950 Warszawa", "4050-032 Porto", "602 00 Brno").
const SHAPED_CITY = new RegExp(String.raw`(?<![\p{N}.,-])(\d{2}-\d{3}|\d{4}-\d{3}|\d{5}-\d{3}|\d{3} \d{2}) ${CITY}`, 'gu');
const POSTCODE_LABEL = wordAlternation([
  'zip', 'zip code', 'zipcode', 'postcode', 'postal code', 'post code', 'postleitzahl', 'plz', 'code postal', 'cp', 'cap', 'codice postale',
  'código postal', 'cod. postal', 'cod postal', 'cod poștal', 'cod poştal', 'cep', 'postnummer', 'postnr', 'postnr.', 'postinumero', 'kod pocztowy',
  'psč', 'poštovní směrovací číslo', 'irányítószám', 'posta kodu', 'posta kodu', 'почтовый индекс', 'индекс', 'поштовий індекс',
  'ταχυδρομικός κώδικας', 'τ.κ.', 'eircode', 'pin', 'pin code', 'pincode', '郵便番号', '邮编', '邮政编码', '우편번호',
  'पिन कोड', 'पिनकोड', 'الرمز البريدي', 'الرقم البريدي', 'کد پستی', 'מיקוד', 'รหัสไปรษณีย์', 'mã bưu điện', 'mã bưu chính', 'kode pos', 'poskod',
]);
const KEYWORD = new RegExp(
  String.raw`(?<![\p{L}])(?:${POSTCODE_LABEL})(?:\s+(?:is|was|ist|est|es|è|je|jest|är|er|on))?\s*[:#：]?\s*$|〒\s?$`,
  'u',
);
const NUMBER = /(?<![A-Za-z0-9-])(?:[A-Z]{1,2}-)?(?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{2,8}(?:[ -]?(?:\d[A-Z]{2}|[A-Z]{2}|\d{2,5}))?(?![A-Za-z0-9])/g;
const NOT_CITY = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Euro|Dollar|Pound|Users|People|Steps|Points|Miles|Km|Views|Words|Likes|Followers)/u;

// Formats of the countries whose languages the labels are in (postcode-validator's per-country patterns).
const COUNTRIES = ['GB', 'IE', 'US', 'CA', 'DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'CH', 'AT', 'DK', 'SE', 'NO', 'FI', 'PL', 'CZ', 'SK', 'HU', 'PT', 'BR', 'RO', 'GR', 'TR', 'RU', 'UA', 'JP', 'KR', 'CN', 'IN', 'AU', 'NZ', 'MX'];
function isPostcode(candidate: string): boolean {
  const c = candidate.toUpperCase();
  return COUNTRIES.some((country) => postcodeValidator(c, country));
}
// A code with a word or two between it and its label ("Postleitzahl eingeben: 04277"), or the answer on
// the next line or message after the label was asked for ("ce cod poștal ai? …⏎510167"). Only a code
// in a country's format counts; a year, an amount or a number of a longer group is not one.
const CANDIDATE = /(?<![\p{L}\p{N}.,/-])((?:[A-Za-z]{1,2}\d[A-Za-z\d]?[ -]?\d[A-Za-z]{2}|[A-Za-z]\d{2}[ -]?[A-Za-z\d]{4}|\d{3}[ -]\d{2,4}|\d{2}-\d{3}|\d{4}[ -]?[A-Za-z]{2}|\d{4,6}(?:-\d{3,4})?))(?![\p{L}\p{N}]|[.,/]\d|\s?(?:%|€|\$|£|kg|km|m²|EUR|USD|GBP|PLN|CHF|SEK|NOK|DKK|Kč|Ft|lei|zł))/u;
const NEAR = new RegExp(String.raw`(?<![\p{L}])(?:${POSTCODE_LABEL})(?![\p{L}])(?:[ \t]+[\p{L}'’-]+(?![\p{L}\p{N}])){0,3}[ \t]*[:：]?[ \t]*`, 'gu');
const ASKED = new RegExp(String.raw`(?<![\p{L}])(?:${POSTCODE_LABEL})(?![\p{L}])[^\n]{0,80}\n[ \t]*(?:[\p{L}][\p{L} .'’-]{0,24}[ \t]?[:：][ \t]*)?`, 'gu');
const YEAR = /^(?:19|20)\d\d$/;

function contextual(text: string, cue: RegExp, nearOnly: boolean): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(cue)) {
    const at = (m.index ?? 0) + m[0].length;
    const c = CANDIDATE.exec(text.slice(at, at + 12));
    if (!c || c.index !== 0) continue;
    const value = c[1]!;
    if (YEAR.test(value) || !isPostcode(value)) continue;
    if (!nearOnly && !/^[ \t]*(?:$|\n|[\p{So}\p{Sk}\p{Emoji_Presentation}]|[,.!]?[ \t]+\p{Ll})/u.test(text.slice(at + value.length, at + value.length + 6))) continue;
    spans.push({ type: 'POSTCODE', start: at, end: at + value.length, source: 'rule' });
  }
  return spans;
}

// A form field naming the postcode, up to the end of its line: "Postcode + huisnummer: 3512 JK 14", "PLZ/Ort: 8010 Graz".
const FIELD = new RegExp(String.raw`(?<=(?:^|\n)[ \t]*[^\n:]{0,20}?(?<![\p{L}])(?:${POSTCODE_LABEL})(?![\p{L}])[^\n:]{0,24}[:：][ \t]*)[\p{L}\p{N}][\p{L}\p{N} /-]{1,22}?(?=[ \t]*(?:\n|$))`, 'gu');

export function postcodeSpans(text: string): Span[] {
  const afterKeyword = [...text.matchAll(NUMBER)].filter((m) => /\d/.test(m[0]) && m[0].length >= 3 && KEYWORD.test(before(text, m.index ?? 0, 40)));
  return [
    ...matchSpans(text, UK, 'POSTCODE', (m) => /\d/.test(m[0]) && /\s|\d[A-Z]{2}$/.test(m[0]) && m[0].length >= 5),
    ...matchSpans(text, CA, 'POSTCODE'),
    ...matchSpans(text, NL, 'POSTCODE'),
    ...matchSpans(text, US, 'ADDRESS'),
    ...matchSpans(text, FIVE_CITY, 'ADDRESS', (m) => !NOT_CITY.test(m[0].replace(/^\S+ /, ''))),
    ...matchSpans(text, SHAPED_CITY, 'ADDRESS', (m) => isPostcode(m[1]!) && !NOT_CITY.test(m[0].replace(/^\S+(?: \d+)? /, ''))),
    ...matchSpans(text, FOUR_CITY, 'ADDRESS', (m) => !/^(19|20)\d\d /.test(m[0]) && !NOT_CITY.test(m[0].replace(/^\S+ /, ''))),
    ...afterKeyword.map((m) => ({ type: 'POSTCODE' as const, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, source: 'rule' as const })),
    ...contextual(text, NEAR, true),
    ...contextual(text, ASKED, false),
    ...matchSpans(text, FIELD, 'POSTCODE', (m) => /\d/.test(m[0])),
  ];
}
