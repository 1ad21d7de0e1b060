import type { Span } from '../types';
import { digitsOf, matchSpans } from './match';

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

export function cardSpans(text: string): Span[] {
  return matchSpans(text, CARD, 'CARD', (m) => {
    const digits = digitsOf(m[0]);
    // Issuer prefixes 2–6 cover Visa, Mastercard, Amex, Discover, JCB, UnionPay, Maestro.
    return /^[2-6]/.test(digits) && !/^(\d)\1+$/.test(digits) && luhnValid(digits);
  });
}
