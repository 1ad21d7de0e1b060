import type { Span } from '../types';
import { caseless, matchSpans } from './match';
import { leadingOpener } from './openers';
import { FULL, trimNonNames } from './person-context';

// How a chat message says who writes it: "C'est Baptiste, …", "it's Tom!", "Moin! Jannik hier.",
// "Anna here, …". The name is followed by a pause (punctuation or the end), so "C'est Noël demain" is not read.
const PAUSE = String.raw`(?=\s*(?:[,.!:;–—-]|$))`;
const BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:${caseless(String.raw`c'est|c’est|it's|it’s|it is|hier ist|hier spricht|hier is|här är|her er|aquí|aqui é(?: [oa])?|tady je|tu jest|to ja|tu|qui è|sono io|это|тут|це`)}),?\s+(${FULL})${PAUSE}`,
  'gu',
);
const AFTER = new RegExp(String.raw`(?<![\p{L}])(${FULL})\s+(?:here|hier|ici|aquí|aqui|qui|här|her|tady|tutaj)${PAUSE}`, 'gu');
// A greeting with perhaps the reader's name ("Hi Anna, ", "Hej! ") may come first; any other words may not,
// which keeps "Click here." and "the station is Paris here" out.
const GREETING = /^(?:hi|hey|hello|hallo|hej|hoi|ciao|hola|olá|oi|ahoj|cześć|szia|yo|привет|привіт)(?:\s+\p{L}+)?[\s!,.]*$/iu;

/** The words of the line before `index`, or null when they are not just a greeting. */
function greetingBefore(text: string, index: number): string | null {
  const head = text.slice(text.lastIndexOf('\n', index - 1) + 1, index).trimStart();
  return head === '' || leadingOpener(head) === head.length || GREETING.test(head) ? head : null;
}

// A cheap case-insensitive look for the words around the name before the name patterns scan the text.
const ANY_CUE = /c['’]est|it['’]s|it is|hier|here|här|her|aqu[ií]|tady|tu|to ja|qui|ici|sono io|tutaj|это|тут|це/iu;

export function selfNamingSpans(text: string): Span[] {
  if (!ANY_CUE.test(text)) return [];
  const before = matchSpans(text, BEFORE, 'PERSON', (m) => greetingBefore(text, m.index ?? 0) !== null, 1);
  // Opening a line without a greeting, "… here" needs a comma or a dash after it ("Tom here, running
  // late"): "Click here." and "Sign up here!" open pages too.
  const after = matchSpans(text, AFTER, 'PERSON', (m) => {
    const head = greetingBefore(text, m.index ?? 0);
    return head !== null && (head !== '' || /^\s*[,–—-]/u.test(text.slice((m.index ?? 0) + m[0].length)));
  }, 1);
  return [...before, ...after].flatMap((s) => trimNonNames(text, s));
}
