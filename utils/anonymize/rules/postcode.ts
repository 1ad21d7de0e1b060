import type { Span } from '../types';
import { before, matchSpans } from './match';

const CITY = String.raw`\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+){0,2}`;
// Distinctive shapes that are safe on their own.
const UK = /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/g;
const CA = /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/g;
const NL = /\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b(?= |,|$|\n)/g;
// US: ZIP after a state abbreviation ("Springfield, IL 62704-1234").
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const US = new RegExp(String.raw`(?:${CITY}, )?\b(?:${US_STATES}),? \d{5}(?:-\d{4})?\b`, 'gu');
// DE/FR/ES/IT/FI…: five digits directly before a capitalised place name ("10115 Berlin", "75002 Paris");
// the place name is part of the address line, so the span includes it.
const FIVE_CITY = new RegExp(String.raw`(?<![\p{N}.,])(?:(?:D|F|E|I|A|CH|L|B)-)?\d{5} ${CITY}`, 'gu');
// AT/CH/BE/DK/NO/AU/…: four digits before a place name, only on an address-like line (after a comma or line start).
const FOUR_CITY = new RegExp(String.raw`(?<=(?:^|\n|, ?)(?:(?:CH|A|B|DK|N|L)-)?)\d{4} ${CITY}`, 'gu');
const KEYWORD =
  /(?<![\p{L}])(zip|zip code|zipcode|postcode|postal code|post code|postleitzahl|plz|code postal|cp|cap|codice postale|código postal|cod\. postal|postnummer|postinumero|kod pocztowy|pin|pin code|pincode)(?:\s+(?:is|was|ist|est|es|è))?\s*[:#]?\s*$/u;
const NUMBER = /(?<![A-Za-z0-9-])(?:[A-Z]{1,2}-)?(?=[A-Za-z]{0,4}\d)[A-Za-z0-9]{2,8}(?:[ -]?(?:\d[A-Z]{2}|[A-Z]{2}|\d{2,5}))?(?![A-Za-z0-9])/g;
const NOT_CITY = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Euro|Dollar|Pound|Users|People|Steps|Points|Miles|Km|Views|Words|Likes|Followers)/u;

export function postcodeSpans(text: string): Span[] {
  const afterKeyword = [...text.matchAll(NUMBER)].filter((m) => /\d/.test(m[0]) && m[0].length >= 3 && KEYWORD.test(before(text, m.index ?? 0, 20)));
  return [
    ...matchSpans(text, UK, 'POSTCODE', (m) => /\d/.test(m[0]) && /\s|\d[A-Z]{2}$/.test(m[0]) && m[0].length >= 5),
    ...matchSpans(text, CA, 'POSTCODE'),
    ...matchSpans(text, NL, 'POSTCODE'),
    ...matchSpans(text, US, 'ADDRESS'),
    ...matchSpans(text, FIVE_CITY, 'ADDRESS', (m) => !NOT_CITY.test(m[0].replace(/^\S+ /, ''))),
    ...matchSpans(text, FOUR_CITY, 'ADDRESS', (m) => !/^(19|20)\d\d /.test(m[0]) && !NOT_CITY.test(m[0].replace(/^\S+ /, ''))),
    ...afterKeyword.map((m) => ({ type: 'POSTCODE' as const, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, source: 'rule' as const })),
  ];
}
