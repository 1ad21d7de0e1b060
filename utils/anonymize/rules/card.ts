import type { Span } from '../types';
import { before, digitsOf, matchSpans } from './match';

/** Luhn checksum, the check every payment card number carries. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// 13–19 digits, optionally grouped by single spaces or dashes (4-4-4-4, 4-6-5 Amex, …).
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;

// "card", "card #", "card number is", "Kartennummer:", "numéro de carte", "número de tarjeta"…
export const CARD_WORDS = 'card|cc|credit|debit|visa|mastercard|amex|maestro|karte|kartennummer|kreditkarte|carte|tarjeta|carta|kaart|kaartnummer|cartão|karta|kort|kortnummer';
const CARD_LABEL = new RegExp(
  String.raw`(?:\b(?:${CARD_WORDS}))(?:\s*(?:#|no\.?|nr\.?|n°|number|nummer|numéro|número|numero)){0,2}(?:\s*(?:is|was|ist|est|es|è|:))?\s*[:#]?\s*$`,
  'iu',
);

export function cardSpans(text: string): Span[] {
  return matchSpans(text, CARD, 'CARD', (m) => {
    const digits = digitsOf(m[0]);
    // A number the text calls a card is one, checksum or not (typos, test numbers); one without a
    // label must look like a card: an issuer prefix 2–6 (Visa, Mastercard, Amex, Discover, JCB,
    // UnionPay, Maestro) and a valid Luhn checksum.
    if (CARD_LABEL.test(before(text, m.index ?? 0, 40)) && digits.length >= 14) return true;
    return /^[2-6]/.test(digits) && !/^(\d)\1+$/.test(digits) && luhnValid(digits);
  });
}
