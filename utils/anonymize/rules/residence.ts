import type { Span } from '../types';
import { caseless, matchSpans } from './match';

// Where someone lives, comes from or was born says who they are far more than a place name in the
// news does: the place after a verb of living or a birth phrase, in the major European languages.
const PLACE = String.raw`\p{Lu}[\p{L}'’-]*(?: (?:(?:am|an|der|de|del|la|le|sur|di|upon|on|im)\s)?\p{Lu}[\p{L}'’-]*){0,2}`;
const VERB = caseless(
  [
    String.raw`i live in|i'm living in|we live in|lives in|living in|moved to|i'm from|i am from|based in|vivo en|vive en|vivimos en|resido en|wohne in|wohnt (?:jetzt )?in|wohnen in|komme aus|stamme aus|bin aus|j'habite(?: à)?|habite à|je vis à|vivo a|abito a|vivo in|abito in|risiedo a|woon in|woont in|wonen in|kom uit|bor i|bor på|bor nu i|mieszkam w`,
    String.raw`(?:born|geboren|née?|nacid[oa]|nació|nat[oa]|nacque|nasceu|nascid[oa]|född|født|urodzon[ya]|urodził(?:a)?(?: się)?|narodil(?:a)?|narozen[aá]?|syntyi|született|s-a născut)(?![\p{L}])(?:[^.\n;]|\.(?=\s?[\d\p{Ll}])){0,40}?\s(?:in|à|a|en|em|i|w|we|v|ve|op)`,
  ].join('|'),
);
// "Ich bin Dragan aus Novi Sad", "I'm Ana from Porto": where the writer introducing themselves is from.
const INTRODUCED = String.raw`(?:${caseless("ich bin|i'm|i am|je suis|soy|sono|ik ben|jag är|jeg er")}) \p{Lu}\p{Ll}+ (?:aus|from|de|di|da|uit|från|fra)`;
const RESIDENCE = new RegExp(String.raw`(?<![\p{L}])(?:${VERB}|${INTRODUCED})\s+(${PLACE})`, 'gu');

export function residenceSpans(text: string): Span[] {
  return matchSpans(text, RESIDENCE, 'LOCATION', () => true, 1);
}
