import type { Span } from '../types';
import { before } from './match';

/** ISO 13616 mod-97 check. */
export function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

// Compact or printed in groups of four separated by single spaces.
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/gi;

// "IBAN:", "IBAN-Nr.", "IBAN is": a number the text calls an IBAN is one, checksum or not (typos, made-up examples).
const IBAN_LABEL = /\bib[aá]n(?:[ -]?(?:nr\.?|no\.?|number|nummer|n°|numéro|número))?\s*(?:is|ist|est|es|è|:)?\s*:?\s*$/i;

export function ibanSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(IBAN)) {
    const start = m.index ?? 0;
    // The greedy group may swallow a following word; shrink from the right until the checksum holds.
    const parts = m[0].split(' ');
    let found: string | undefined;
    for (let n = parts.length; n >= 1 && !found; n--) {
      const candidate = parts.slice(0, n).join(' ');
      if (ibanValid(candidate)) found = candidate;
    }
    if (!found && IBAN_LABEL.test(before(text, start, 24))) {
      while (parts.length > 1 && !/\d/.test(parts.at(-1)!)) parts.pop();
      if (/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/i.test(parts.join(''))) found = parts.join(' ');
    }
    if (found) spans.push({ type: 'IBAN', start, end: start + found.length, source: 'rule' });
  }
  return spans;
}
