import type { EntityType } from '../anonymize/types';

/** Every placeholder the anonymizer writes; text like "[EDIT]" on a page is left as plain text. */
export const PLACEHOLDER_TYPES = [
  'PERSON', 'LOCATION', 'ADDRESS', 'ORGANIZATION', 'EMAIL', 'PHONE', 'CARD', 'IBAN',
  'SSN', 'IP', 'URL', 'SECRET', 'WALLET', 'POSTCODE', 'ID', 'DATE_OF_BIRTH',
] as const satisfies readonly EntityType[];

// Fails to compile when the anonymizer gains an entity type this list does not know.
type Missing = Exclude<EntityType, (typeof PLACEHOLDER_TYPES)[number]>;
const allTypesListed: [Missing] extends [never] ? true : Missing = true;
void allTypesListed;

export type TextSegment = { kind: 'text'; text: string } | { kind: 'placeholder'; text: string; entity: EntityType };

const PLACEHOLDER_RE = new RegExp(`\\[(${PLACEHOLDER_TYPES.join('|')})\\]`, 'g');

/** Splits redacted text into plain runs and placeholders, in order; joining `text` gives the input back. */
export function splitPlaceholders(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let pos = 0;
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    if (m.index > pos) out.push({ kind: 'text', text: text.slice(pos, m.index) });
    out.push({ kind: 'placeholder', text: m[0], entity: m[1] as EntityType });
    pos = m.index + m[0].length;
  }
  if (pos < text.length) out.push({ kind: 'text', text: text.slice(pos) });
  return out;
}
