import type { EntityType, Span } from './types';

/**
 * Merge policy: overlapping spans become one span covering their union, so nothing that
 * any stage flagged survives. The union takes the type of its most specific member: a rule span wins
 * over a model span (checksums and formats are more precise than a classifier), then the longer span,
 * then the fixed order below (structured identifiers before free-text entities).
 */
const PRIORITY: EntityType[] = [
  'WALLET', 'CARD', 'IBAN', 'SSN', 'SECRET', 'EMAIL', 'ID', 'PHONE', 'IP', 'URL',
  'ADDRESS', 'POSTCODE', 'DATE_OF_BIRTH', 'PERSON', 'ORGANIZATION', 'LOCATION',
];

function better(a: Span, b: Span): Span {
  if (a.source !== b.source) return a.source === 'rule' ? a : b;
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb ? a : b;
  return PRIORITY.indexOf(a.type) <= PRIORITY.indexOf(b.type) ? a : b;
}

export function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { span: Span; typeFrom: Span }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.span.end) {
      last.typeFrom = better(last.typeFrom, s);
      last.span = { ...last.span, end: Math.max(last.span.end, s.end) };
    } else {
      out.push({ span: { ...s }, typeFrom: s });
    }
  }
  return out.map(({ span, typeFrom }) => ({
    start: span.start,
    end: span.end,
    type: typeFrom.type,
    source: typeFrom.source,
    ...(typeFrom.score !== undefined ? { score: typeFrom.score } : {}),
  }));
}
