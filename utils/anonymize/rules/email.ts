import type { Span } from '../types';
import { matchSpans } from './match';

// Plain addresses, plus the common "name [at] domain [dot] com" obfuscation people use to dodge scrapers.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// The lookbehind anchors matches at the start of a run, keeping long dotted strings linear.
const OBFUSCATED =
  /(?<![\w.+-])[\w.+-]+\s*(?:\[at\]|\(at\)|\{at\}|\s+at\s+)\s*[\w-]+(?:\s*(?:\[dot\]|\(dot\)|\{dot\}|\s+dot\s+)\s*[\w-]+)+/giu;

export function emailSpans(text: string): Span[] {
  return [
    ...matchSpans(text, EMAIL, 'EMAIL'),
    ...matchSpans(text, OBFUSCATED, 'EMAIL', (m) => /dot/i.test(m[0])),
  ];
}
