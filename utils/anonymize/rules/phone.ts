import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Span } from '../types';
import { before, digitsOf } from './match';

// National formats are tried in these numbering plans (NANP covers US/CA and the Caribbean).
const COUNTRIES: CountryCode[] = [
  'US', 'GB', 'DE', 'FR', 'NL', 'BE', 'ES', 'IT', 'PT', 'CH', 'AT', 'PL', 'SE', 'NO', 'DK', 'FI', 'IE',
  'IN', 'CN', 'JP', 'KR', 'BR', 'MX', 'AR', 'NG', 'KE', 'ZA', 'EG', 'AE', 'SA', 'TR', 'RU', 'UA', 'AU', 'NZ', 'PH', 'ID',
];

const CANDIDATE = /(?<![\p{L}\p{N}+\-./:])(?:\+ ?|00|\()?\d[\d ().\/\u00a0-]{5,20}\d(?![\p{L}\p{N}]|[.-]\d)/gu;
const PHONE_CONTEXT = /(phone|tel|mobile|mob|cell|call|fax|whatsapp|signal|telegram|sms|text me|reach me|ring|contact|handy|mobil|tél|portable|appel|telefon|teléfono|telefono|móvil|movil|celular|llam|ligar|chiama|anruf|ruf|bel|☎|📞)[^\d\n]{0,20}$/;
const OTHER_NUMBER_CONTEXT =
  /(order|invoice|tracking|ref|reference|ticket|case|account|acct|serial|isbn|sku|item|part|confirmation|booking|transaction|policy|flight|id|no\.?|number|#|№)\s*[:#.]?\s*$/;
const CURRENCY_BEFORE = /[$€£¥₹₩₽]\s*$|\b(usd|eur|gbp|chf|inr|rs\.?)\s*$/;
const CURRENCY_AFTER = /^\s*(?:[$€£¥₹₩₽]|usd|eur|gbp|chf|dollars?|euros?|pounds?|rupees?)/i;
const DATE = /^(?:\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{2,4})$/;
// 1.234.567 / 1 234 567; a leading three-digit group (612 345 678) is also a common phone grouping.
const THOUSANDS = /^(?:\d{1,3}(?:\.\d{3})+|\d{1,2}(?: \d{3})+)$/;
const RANGE = /^\d{1,4} ?[-–] ?\d{1,4}$/;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/; // an IPv4 address

function validSomewhere(candidate: string): boolean {
  if (/^(\+|00)/.test(candidate)) {
    return parsePhoneNumberFromString(candidate.replace(/^00/, '+'))?.isValid() ?? false;
  }
  return COUNTRIES.some((c) => parsePhoneNumberFromString(candidate, c)?.isValid() ?? false);
}

export function phoneSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index ?? 0;
    let value = m[0];
    // A leading "(" without a matching ")" is punctuation around the number, not part of it.
    if (value.startsWith('(') && !value.includes(')')) value = value.slice(1);
    const from = start + (m[0].length - value.length);
    const digits = digitsOf(value);
    if (digits.length < 7 || digits.length > 15) continue;
    // "1 2 3 4 5 6 7" is a list, not a number: real groupings have few single digits.
    if ((value.match(/(?<!\d)\d(?!\d)/g)?.length ?? 0) > 2) continue;
    if (DATE.test(value) || THOUSANDS.test(value) || RANGE.test(value) || DOTTED_QUAD.test(value)) continue;
    const ctx = before(text, from, 30);
    if (CURRENCY_BEFORE.test(ctx) || CURRENCY_AFTER.test(text.slice(from + value.length, from + value.length + 10))) continue;
    const international = /^(\+|00)/.test(value);
    const separated = /[^\d]/.test(value);
    const accept = PHONE_CONTEXT.test(ctx)
      ? true // fail closed when the text says it is a phone number
      : !OTHER_NUMBER_CONTEXT.test(ctx) && (international || separated || digits.length >= 10) && validSomewhere(value);
    if (accept) spans.push({ type: 'PHONE', start: from, end: from + value.length, source: 'rule' });
  }
  return spans;
}
