import type { Span } from '../types';
import { caseless, matchSpans } from './match';

// Names the model might miss, recognised by the words around them rather than by a name list, so
// they work for names of any origin: honorifics, self-introductions, greetings, sign-offs and form labels.
// Hyphens and apostrophes only inside a name (Ben-David, O'Sullivan), never dangling.
const NAME = String.raw`\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*|\p{Lu}['’]\p{Lu}\p{Ll}+|\p{Lu}\.`;
const FULL = String.raw`(?:${NAME})(?:[ -](?:(?:van der|van de|van|von|de la|de|del|da|dos|di|le|la|al|el|bin|ibn|ben|abu|O'|Mc|Mac)[ -])?(?:${NAME})){0,3}`;
const NAME_PARTICLE_START = String.raw`(?:(?:al|el|van|von|de|di|da)[ -])?`;

const HONORIFIC = new RegExp(
  String.raw`\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Madam|Herr|Frau|Mme|Mlle|M\.|Sr|Sra|Srta|Dott|Dott\.ssa|Sheikh|Shri|Smt|Sri|Chief|Rev|Fr|Capt|Sgt|Lt)\.? (${NAME_PARTICLE_START}${FULL})`,
  'gu',
);
const INTRO = new RegExp(
  String.raw`\b(?:${caseless(String.raw`my name is|my name's|i am|i'm|this is|call me|name:|full name:|nombre:|name ist|je m'appelle|mi chiamo|me llamo|ich heiße|ich bin|mein name ist|je suis|signed|regards,|cheers,|thanks,|thank you,|best,|sincerely,|yours,|love,|xoxo,|from:|to:|cc:|dear|hi|hello|hey|hallo|bonjour|hola|ciao|salut|olá|namaste|attn:|attention:|contact:|customer:|patient:|tenant:|applicant:|employee:|author:|signed by|assigned to|reported by|cardholder:|account holder:|beneficiary:|recipient:|sender:|passenger:|guest:`)})\s*(${NAME_PARTICLE_START}${FULL})`,
  'gu',
);
// The same cues in the other major European languages: introductions, form labels, salutations and
// the closing formula of a letter or message (the signature follows on the same or the next line).
const EUROPEAN_CUES = String.raw`ik ben|ik heet|mijn naam is|jag heter|jeg heter|jeg er|soy|sono|io sono|je m'appelle|io sottoscritt[oa]|je soussignée?|ich,|yo,|io,|moi,|nom\s?:|nome\s?:|naam\s?:|vorname\s?:|nachname\s?:|prénom\s?:|apellidos?\s?:|cognome\s?:|kontoinhaber(?:in)?\s?:|inhaber(?:in)?|titulaire(?: du compte)?\s?:|titular(?: de la cuenta)?\s?:|intestatario\s?:|rekeninghouder\s?:|sehr geehrte[rn]? (?:frau|herr)|sehr geehrte[rn]?|liebe[rn]?|lieber|cher|chère|madame|monsieur|estimad[oa]|querid[oa]|gentile|egregi[oa]|car[oa]|beste|geachte(?: heer| mevrouw)?|hoi|hej|ahoj|cześć|szia|gruß,|grüße,|grüßen,?|grüße|lg,?|vg,?|mfg,?|cordialement,?|bien à vous,?|amitiés,?|atentamente,?|saludos,?|un saludo,?|cordiali saluti,?|distinti saluti,?|saluti,?|grazie,|met vriendelijke groet(?:en)?,?|groet(?:en|jes)?,|hartelijke groet(?:en)?,?|mvh,?|med vänliga hälsningar,?|pozdrawiam,?|s pozdravem,?|üdvözlettel,?|kind regards,?|best regards,?|warm regards,?|yours sincerely,?|yours faithfully,?|ask for|pregunten por|preguntar por|chiedere di|fragen sie nach|demandez`;
const INTRO_EUROPEAN = new RegExp(
  String.raw`(?<![\p{L}])(?:${caseless(EUROPEAN_CUES)})[ \t]*\n?[ \t]*(${NAME_PARTICLE_START}${FULL})`,
  'gu',
);
// Words around a name in running text: "a cat named Maple", "my son Oskar", "said Ingrid",
// "Ingrid said", "Chevy Mailhot, born …", and the name after a comma that closes a line ("leave me a voicemail, Benedikt").
const NAMED = new RegExp(
  String.raw`(?<![\p{L}])(?:named|called|namens|genannt|nommée?|appelée?|llamad[oa]|chiamat[oa]|genaamd|som heter)\s+(${FULL})`,
  'gu',
);
const KIN = new RegExp(
  String.raw`(?<![\p{L}])(?:${caseless(String.raw`my|our|his|her|their|mein[e]?|unser[e]?|mon|ma|notre|mi|nuestr[oa]|mio|mia|il mio|la mia|mijn|onze`)}) (?:${caseless(String.raw`son|daughter|wife|husband|partner|boyfriend|girlfriend|fiancée?|brother|sister|mother|father|mum|mom|dad|grandmother|grandfather|grandma|grandpa|granny|nan|aunt|uncle|cousin|nephew|niece|friend|best friend|colleague|boss|neighbour|neighbor|landlord|landlady|flatmate|roommate|sohn|tochter|frau|mann|bruder|schwester|mutter|vater|oma|opa|freund|freundin|kollege|kollegin|nachbar|nachbarin|fils|fille|femme|mari|frère|sœur|mère|père|ami|amie|collègue|voisin|voisine|hijo|hija|esposa|esposo|marido|hermano|hermana|madre|padre|abuela|abuelo|amigo|amiga|figlio|figlia|moglie|marito|fratello|sorella|nonna|nonno|amico|amica|zoon|dochter|vrouw|broer|zus|moeder|vader|vriend|vriendin|buurman|buurvrouw`)}) (${FULL})`,
  'gu',
);
const SAID_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:said|asked|replied|answered|shouted|whispered|says|asks|wrote|sagte|fragte|antwortete|schrieb|dit|demanda|répondit|dijo|preguntó|respondió|disse|chiese|rispose|zei|vroeg|antwoordde)\s+(${FULL})`,
  'gu',
);
const SAID_AFTER = new RegExp(
  String.raw`(?<=["”»“]\s?,?\s*|^|\n)(${FULL})\s+(?:said|asked|replied|answered|shouted|whispered|says|asks|sagte|fragte|dit|dijo|disse|zei)\b`,
  'gu',
);
const QUOTE_SPEAKER = new RegExp(String.raw`(?:^|\n)(${FULL}):\s*["“„«]`, 'gu');
const BORN_AFTER = new RegExp(
  String.raw`(?<![\p{L}])(${FULL}),?\s+(?:\(\s*)?(?:born|b\.|née?|geb\.|geboren|nacid[oa]|nat[oa]|född|født|urodzon[ya])\s`,
  'gu',
);
const VOCATIVE = new RegExp(String.raw`,\s(${NAME})\s*[!?.]?\s*(?:$|\n)`, 'gu');
// A vocative addresses someone: the clause before it speaks to or about the reader ("leave me …, Radu"),
// which "I live in Croydon, London" does not.
const ADDRESSING = /\b(?:me|you|your|u|us|please|thanks|thank you|dich|dir|du|toi|te|vous|tú|ti|jij|je|jou)\b[^.!?\n]*$/iu;

// "— Kwame Mensah" / "- Ana" at the end of a review or message.
const SIGNATURE = new RegExp(String.raw`(?:^|\n)\s*(?:[-–—~]\s*)(${FULL})\s*$`, 'gmu');
// Capitalised words that follow an intro phrase but are not names.
// The cue words themselves ("Kontoinhaber:", "Sehr geehrte", "Gruß,") name no one.
const CUE_ONLY = new RegExp(String.raw`^(?:${caseless(EUROPEAN_CUES)}|${caseless('name|nom|nome|naam|nombre|dear|hi|hello|hey|hallo|bonjour|hola|ciao|salut|olá|regards|thanks|madame|monsieur|damen|herren|signora|señora|señor|mevrouw|heer')})[\s:,]*$`, 'u');

export function isNameCue(s: string): boolean {
  const word = s.trim();
  // Cues written with their colon or comma ("Nom :", "Gruß,") match without it too.
  return CUE_ONLY.test(word) || CUE_ONLY.test(`${word}:`) || CUE_ONLY.test(`${word},`);
}

export const NOT_NAME = new RegExp(
  String.raw`^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Herr|Frau|I|The|A|An|This|That|There|Here|It|We|You|They|He|She|My|Your|Our|All|Team|Everyone|Guys|Folks|Sir|Madam|Customer|Support|Sales|Hiring|Manager|Admin|Team|Thanks|Thank|Please|Not|So|Very|Just|Really|Good|Happy|Sorry|Glad|Going|Looking|Interested|Writing|Here|New|Back|Home|Done|Ready|Sure|Yes|No|Ok|Okay|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Hotel|Restaurant|Amazon|Google|Re|Fwd|Subject|Order|Invoice|Update|Meeting|Product|Service|Delivery|Room|Staff|Everything|Nothing|Something|Overall|Great|Excellent|Terrible|Bad|Nice|Best|Love|Regards|Cheers|Dear|Hello|Hi|Hey|Damen|Herren|Kollegen|Kolleginnen|Kunde|Kundin|Mesdames|Messieurs|Madame|Monsieur|Client|Cliente|Señores|Señoras|Signori|Signore|Dames|Heren|Klant|Collega|Collega's|Tutti|Todos|Alle|Allemaal|Zusammen)$`,
  'u',
);

function spansOf(text: string, re: RegExp): Span[] {
  const accept = re === VOCATIVE ? (m: RegExpExecArray) => ADDRESSING.test(text.slice(0, m.index)) : () => true;
  return matchSpans(text, re, 'PERSON', accept, 1).flatMap((s) => trimNonNames(text, s));
}

/** Drops leading non-name words ("Dear Customer" → nothing, "Hi Team Lead" → nothing). */
function trimNonNames(text: string, span: Span): Span[] {
  const words = text.slice(span.start, span.end).split(/(?<=[ -])/);
  const first = words[0]?.trim().replace(/[-\s]$/, '') ?? '';
  if (NOT_NAME.test(first)) return [];
  return [span];
}

const CONTEXTS = [HONORIFIC, INTRO, INTRO_EUROPEAN, SIGNATURE, NAMED, KIN, SAID_BEFORE, SAID_AFTER, QUOTE_SPEAKER, BORN_AFTER, VOCATIVE];

export function personContextSpans(text: string): Span[] {
  return CONTEXTS.flatMap((re) => spansOf(text, re));
}
