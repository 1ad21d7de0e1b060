import type { AnonymizeResult, Span } from './types';

/** Replaces each (non-overlapping, merged) span with a typed placeholder such as `[PERSON]`. */
export function redact(text: string, spans: Span[]): AnonymizeResult {
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const s of ordered) {
    if (s.start < pos) throw new Error('redact: spans overlap; merge them first');
    out += text.slice(pos, s.start) + `[${s.type}]`;
    pos = s.end;
  }
  out += text.slice(pos);
  return { redacted: out, entities: ordered.map(({ type, start, end }) => ({ type, start, end })) };
}
