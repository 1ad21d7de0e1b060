import type { Span } from '../types';
import { before, matchSpans } from './match';

/** SSA rules: area 000, 666 and 900–999, group 00 and serial 0000 are never issued. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

const DASHED = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
// Bare nine digits are only an SSN when the text says so.
const BARE = /(?<!\d)(\d{3})(\d{2})(\d{4})(?!\d)/g;
const CONTEXT = /\b(ssn|social security|soc\.? sec|tin|taxpayer)\b/;

export function ssnSpans(text: string): Span[] {
  return [
    ...matchSpans(text, DASHED, 'SSN', (m) => ssnValid(m[1]!, m[3]!, m[4]!)),
    ...matchSpans(text, BARE, 'SSN', (m) => ssnValid(m[1]!, m[2]!, m[3]!) && CONTEXT.test(before(text, m.index ?? 0, 30))),
  ];
}
