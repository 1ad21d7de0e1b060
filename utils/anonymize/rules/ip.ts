import type { Span } from '../types';
import { before, matchSpans } from './match';

const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]*\d)/g;
// Loose shape; validity is checked by ipv6Valid.
const IPV6 = /(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{0,4}|(?:\d{1,3}\.){3}\d{1,3})(?![\w:])/gi;

function octetsValid(s: string): boolean {
  return s.split('.').every((o) => o.length > 0 && Number(o) <= 255 && !(o.length > 1 && o.startsWith('0')));
}

export function ipv6Valid(s: string): boolean {
  const doubleColons = s.split('::').length - 1;
  if (doubleColons > 1) return false;
  const groups = s.split(':');
  const last = groups[groups.length - 1] ?? '';
  const embeddedV4 = last.includes('.');
  if (embeddedV4 && !octetsValid(last)) return false;
  const hexGroups = (embeddedV4 ? groups.slice(0, -1) : groups).filter((g) => g !== '');
  if (!hexGroups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const width = hexGroups.length + (embeddedV4 ? 2 : 0);
  if (doubleColons === 0) return width === 8 && !s.startsWith(':') && !s.endsWith(':');
  // Timestamps like 12:30:45 have no "::" and at most 3 groups, so they fail above.
  return width < 8 && width >= 1;
}

export function ipSpans(text: string): Span[] {
  return [
    // "version 1.2.3.4", "v10.0.0.1" and "Build 4.1.0.12" are versions, not addresses.
    ...matchSpans(text, IPV4, 'IP', (m) => octetsValid(m[0]) && !/(\bv|version|build|release|ver\.?|update to|upgrade to|updated to|upgraded to|firmware|patch)\s*$/i.test(before(text, m.index ?? 0, 16))),
    ...matchSpans(text, IPV6, 'IP', (m) => /[a-f0-9]/i.test(m[0]) && ipv6Valid(m[0]) && (m[0].includes('::') || m[0].split(':').length >= 8)),
  ];
}
