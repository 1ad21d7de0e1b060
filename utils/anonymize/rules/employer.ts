import type { Span } from '../types';
import { caseless, matchSpans, wordAlternation } from './match';

// The value of an employer field of a form or CV says where a person works ("Employer: Harbourview
// Dental Group", "Arbeitgeber: Stadtwerke Kiel"): the whole line up to a comma, not just the words a
// model knows as an organisation.
const LABELS = String.raw`employer|current employer|arbeitgeber|arbeitgeberin|employeur|empleador|empleadora|datore di lavoro|werkgever|pracodawca|zaměstnavatel|arbetsgivare|arbejdsgiver|arbeidsgiver|työnantaja|işveren|angajator|munkáltató|entidade patronal|empregador`;
const LABEL = caseless(LABELS);
// Most texts have no such field: a case-insensitive look for the label first keeps the scan cheap.
const ANY_LABEL = new RegExp(LABELS, 'iu');
const EMPLOYER = new RegExp(String.raw`(?<![\p{L}])(?:${LABEL})[ \t]*:[ \t]*(\p{Lu}[^\n,;:]{0,60}?)[ \t]*(?=$|\n|[,;])`, 'gu');

// Where the writer or someone they name works or goes to school, said in a sentence ("I work at …",
// "trabajo en …", "работает в …", "geht auf die …"): the capitalised name after it is an organisation
// that places them, whether or not the model knows it. A model catches only the words it knows
// ("Clínica Dental [PERSON]").
const WORKS_AT = [
  'work at', 'works at', 'working at', 'work for', 'works for', 'working for', 'employed by', 'employed at', "i'm with",
  'arbeite bei', 'arbeitet bei', 'arbeite für', 'arbeitet für', 'travaille chez', 'travaille pour', 'trabajo en', 'trabaja en',
  'trabajo para', 'trabaja para', 'trabalho na', 'trabalho no', 'trabalha na', 'trabalha no', 'lavoro presso', 'lavora presso',
  'lavoro da', 'lavora da', 'werk bij', 'werkt bij', 'jobbar på', 'arbetar på', 'arbejder hos', 'arbejder på', 'jobber i',
  'jobber hos', 'jobber på', 'pracuję w', 'pracuje w', 'pracuji v', 'pracuje v', 'работаю в', 'работает в', 'работала в',
  'работал в', 'працюю в', 'працює в',
  // schools, in languages that say it with a verb of going that nothing else follows with a capitalised name
  'geht auf die', 'gehen auf die', 'zit op', 'zitten op', 'chodzi do', 'chodzą do', 'учится в', 'учится в школе',
];
// Capitalised words, joined by the short words inside institution names, and a number after "nr" / "№".
const CAPITALISED = String.raw`\p{Lu}[\p{L}&'’.-]*`;
const JOINER = String.raw`(?:de|del|della|di|du|des|la|le|of|the|and|&|am|an|der|van|von|for)`;
const INSTITUTION = String.raw`${CAPITALISED}(?:[ \t]+(?:${JOINER}[ \t]+)?${CAPITALISED}){0,4}(?:[ \t]+(?:nr|no\.?|n°|№)[ \t]*\d{1,4})?`;
const WORKPLACE = new RegExp(String.raw`(?<![\p{L}])(?:${wordAlternation(WORKS_AT)})[ \t]+(${INSTITUTION})(?![\p{L}\p{N}])`, 'gu');
const ANY_VERB = /work|employ|i'm with|arbeit|travaill|trabaj|trabalh|lavor|werk|jobb|arbet|arbejd|pracu|работа|працю|geht auf|gehen auf|zit|chodz|учится/iu;

export function employerSpans(text: string): Span[] {
  const spans = ANY_LABEL.test(text) ? matchSpans(text, EMPLOYER, 'ORGANIZATION', () => true, 1) : [];
  if (ANY_VERB.test(text)) spans.push(...matchSpans(text, WORKPLACE, 'ORGANIZATION', () => true, 1).map((s) => withoutTrailingDot(text, s)));
  return spans;
}

/** "… at Northwind Ltd." keeps the abbreviation's dot; a sentence's full stop after the name is not the name's. */
function withoutTrailingDot(text: string, span: Span): Span {
  return text[span.end - 1] === '.' && /\p{Ll}{3}\.$/u.test(text.slice(span.start, span.end)) ? { ...span, end: span.end - 1 } : span;
}
