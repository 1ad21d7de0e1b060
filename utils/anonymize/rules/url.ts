import type { Span } from '../types';

/**
 * Policy: keep the scheme and host (which site a page came from is the data's point and rarely
 * identifies a person) and redact everything after the host — path, query and fragment — because
 * that is where user names, profile ids, search terms, tokens and e-mail addresses live.
 * A URL whose path is empty or just "/" produces no span. User-info (`user:pass@host`) is redacted too.
 */
const URL_RE = /\b(?:[a-z][a-z0-9+.-]{1,15}:\/\/|www\.)[^\s<>"'`]+/giu;
const TRAILING = /[.,;:!?)\]}'"»]+$/u;

export function urlSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const start = m.index ?? 0;
    let url = m[0].replace(TRAILING, '');
    // Keep a closing parenthesis that balances one inside the URL (Wikipedia-style links).
    if (m[0].length > url.length && m[0][url.length] === ')' && url.includes('(')) url += ')';
    const schemeEnd = url.startsWith('www.') ? 0 : url.indexOf('//') + 2;
    const authorityEnd = url.slice(schemeEnd).search(/[/?#]/);
    const hostEnd = authorityEnd === -1 ? url.length : schemeEnd + authorityEnd;
    const at = url.lastIndexOf('@', hostEnd);
    if (at >= schemeEnd) spans.push({ type: 'URL', start: start + schemeEnd, end: start + at + 1, source: 'rule' });
    const rest = url.slice(hostEnd);
    if (rest.length > 1 || (rest.length === 1 && rest !== '/')) {
      spans.push({ type: 'URL', start: start + hostEnd, end: start + url.length, source: 'rule' });
    }
  }
  return spans;
}
