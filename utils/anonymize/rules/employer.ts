import type { Span } from '../types';
import { caseless, matchSpans } from './match';

// The value of an employer field of a form or CV says where a person works ("Employer: Harbourview
// Dental Group", "Arbeitgeber: Stadtwerke Kiel"): the whole line up to a comma, not just the words a
// model knows as an organisation.
const LABELS = String.raw`employer|current employer|arbeitgeber|arbeitgeberin|employeur|empleador|empleadora|datore di lavoro|werkgever|pracodawca|zaměstnavatel|arbetsgivare|arbejdsgiver|arbeidsgiver|työnantaja|işveren|angajator|munkáltató|entidade patronal|empregador`;
const LABEL = caseless(LABELS);
// Most texts have no such field: a case-insensitive look for the label first keeps the scan cheap.
const ANY_LABEL = new RegExp(LABELS, 'iu');
const EMPLOYER = new RegExp(String.raw`(?<![\p{L}])(?:${LABEL})[ \t]*:[ \t]*(\p{Lu}[^\n,;:]{0,60}?)[ \t]*(?=$|\n|[,;])`, 'gu');

export function employerSpans(text: string): Span[] {
  if (!ANY_LABEL.test(text)) return [];
  return matchSpans(text, EMPLOYER, 'ORGANIZATION', () => true, 1);
}
