import type { Span } from '../types';
import { titleSource } from './honorifics';
import { caseless, matchSpans, wordAlternation } from './match';

// Where someone lives, comes from or was born says who they are far more than a place name in the
// news does: the place after a verb of living or a birth phrase, in the major European languages.
const PLACE = String.raw`\p{Lu}[\p{L}'’-]*(?: (?:(?:am|an|der|de|del|la|le|sur|di|upon|on|im)\s)?\p{Lu}[\p{L}'’-]*){0,2}`;
const VERB = caseless(
  [
    String.raw`i live in|i'm living in|we live in|lives in|living in|moved to|i'm from|i am from|based in|vivo en|vive en|vivimos en|resido en|wohne in|wohnt (?:jetzt )?in|wohnen in|komme aus|stamme aus|bin aus|j'habite(?: à)?|habite à|je vis à|vivo a|abito a|vivo in|abito in|risiedo a|woon in|woont in|wonen in|kom uit|bor i|bor på|bor nu i|mieszkam w`,
    String.raw`(?:born|geboren|née?|nacid[oa]|nació|nat[oa]|nacque|nasceu|nascid[oa]|född|født|urodzon[ya]|urodził(?:a)?(?: się)?|narodil(?:a)?|narozen[aá]?|syntyi|született|s-a născut)(?![\p{L}])(?:[^.\n;]|\.(?=\s?[\d\p{Ll}])){0,40}?\s(?:in|à|a|en|em|i|w|we|v|ve|op)`,
    // moving somewhere, and where a private seller's goods are picked up or viewed
    String.raw`zog nach|zogen nach|kam nach|umgezogen nach|gezogen nach|déménagée? à|je me suis installée? à|se mudó a|me mudé a|nos mudamos a|mi sono trasferit[oa] a|si è trasferit[oa] a|verhuisd naar|verhuisde naar|flyttade till|flyttat till|flyttet til|flyttede til|przeprowadził(?:a|em|am)? się do|mudei-me para|mudou-se para|přestěhoval(?:a)? se do`,
    // where someone is registered as living, in forms, notices and obituaries
    String.raw`resident of|residing (?:in|at)|wohnhaft in|domicilié(?:e)? à|demeurant à|residente (?:en|a|in)|domiciliad[oa] en|domiciliat[oa] a|woonachtig (?:in|te)|bosatt i|bosat i|bosiddende i|zamieszkał[ay]? w|zamieszkały w|bytem v|s bydlištěm v|κάτοικος|проживает в|проживающ(?:ий|ая) в|житель|жительница|мешканка|мешканець`,
    String.raw`abholung in|abzuholen in|abholbar in|zu besichtigen in|visibile a|ritiro a|retiro en|recogida en|à récupérer à|à retirer à|pick-?up in|collection in|viewing in|odbiór osobisty(?: w)?|odbiór w|hämtas i|afhentes i|hentes i|ophalen in|af te halen in`,
  ].join('|'),
);
// German puts the verb of moving last: "… nach dem Krieg nach Lübeck gekommen".
const MOVED_VERB_LAST = new RegExp(String.raw`(?<![\p{L}])nach\s+(${PLACE})\s+(?:gekommen|gezogen|umgezogen|ausgewandert)(?![\p{L}])`, 'gu');
// "Kommentar von Sabine aus Bochum", "a review by Jo from Leeds": where the person named is from.
// Also after an honorific and a full name: "paní Ludmila Krejčí z Hradiště", "Herr Jan Ott aus Kiel".
const NAME_FROM = String.raw`(?:${caseless('von|by|od|van|av')}) \p{Lu}\p{Ll}+ (?:aus|from|uit|z|ze|från|fra)|(?:${titleSource('before name')})\.? \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)? (?:aus|from|uit|z|ze|från|fra|iz|из)`;
// "Ich bin Dragan aus Novi Sad", "I'm Ana from Porto": where the writer introducing themselves is from.
const INTRODUCED = String.raw`(?:${caseless("ich bin|i'm|i am|je suis|soy|sono|ik ben|jag är|jeg er")}) \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2} (?:aus|from|de|di|da|uit|från|fra)`;
// A place after a birthplace label ("Geburtsort: Linz", "lieu de naissance : Brest") or a location pin in a profile.
const BIRTHPLACE_LABEL = wordAlternation([
  'place of birth', 'birthplace', 'birth place', 'lieu de naissance', 'geburtsort', 'lugar de nacimiento', 'luogo di nascita', 'geboorteplaats',
  'local de nascimento', 'naturalidade', 'miejsce urodzenia', 'místo narození', 'födelseort', 'fødested', 'fødselssted', 'syntymäpaikka',
  'sünnikoht', 'doğum yeri', 'место рождения', 'місце народження', 'τόπος γέννησης', 'születési hely', 'locul nașterii', 'mjesto rođenja',
]);
const LABELLED = new RegExp(String.raw`(?:(?<![\p{L}])(?:${BIRTHPLACE_LABEL})\s*[:：]?|📍)\s*(${PLACE})`, 'gu');
const RESIDENCE = new RegExp(String.raw`(?<![\p{L}])(?:${VERB}|${INTRODUCED}|${NAME_FROM})\s+(${PLACE})`, 'gu');

export function residenceSpans(text: string): Span[] {
  return [
    ...matchSpans(text, RESIDENCE, 'LOCATION', () => true, 1),
    ...matchSpans(text, MOVED_VERB_LAST, 'LOCATION', () => true, 1),
    ...matchSpans(text, LABELLED, 'LOCATION', () => true, 1),
  ];
}
