import type { Span } from '../types';
import { isTitleBeforeName, STACKED_TITLE, titleSource } from './honorifics';
import { caseless, matchSpans } from './match';
import { leadingOpener } from './openers';
import { leadingRoleOrLabel, ROLE } from './roles';

// Names the model might miss, recognised by the words around them rather than by a name list, so
// they work for names of any origin: honorifics, self-introductions, greetings, sign-offs and form labels.
// Hyphens and apostrophes only inside a name (Ben-David, O'Sullivan), never dangling.
const NAME = String.raw`\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*|\p{Lu}['’]\p{Lu}\p{Ll}+|\p{Lu}\.`;
export const FULL = String.raw`(?:${NAME})(?:[ -](?:(?:van der|van de|van|von|de la|de|del|da|dos|di|le|la|al|el|bin|ibn|ben|abu|O'|Mc|Mac)[ -])?(?:${NAME})){0,3}`;
export const NAME_PARTICLE_START = String.raw`(?:(?:al|el|van|von|de|di|da)[ -])?`;
// Titles stacked between an honorific or a salutation and the name are skipped, so the name after them is still read.
const ACADEMIC = String.raw`(?:(?:${STACKED_TITLE})\.?\s+){0,3}`;

// "mrs okafor", "dott.ssa Lombardi", "pani Nowak": each title written as it is before a name (see honorifics.ts).
const HONORIFIC = new RegExp(
  String.raw`(?<![\p{L}])(?:${titleSource('before name')})\.? ${ACADEMIC}(${NAME_PARTICLE_START}${FULL})`,
  'gu',
);
const INTRO = new RegExp(
  String.raw`\b(?:${caseless(String.raw`my name is|my name's|i am|i'm|this is|call me|name:|full name:|nombre:|name ist|je m'appelle|mi chiamo|me llamo|ich heiße|ich bin|mein name ist|je suis|signed|regards,|cheers,|thanks,|thank you,|best,|sincerely,|yours,|love,|xoxo,|from:|to:|cc:|dear|hi|hello|hey|hallo|bonjour|hola|ciao|salut|olá|namaste|attn:|attention:|contact:|customer:|patient:|tenant:|applicant:|employee:|author:|signed by|assigned to|reported by|cardholder:|account holder:|beneficiary:|recipient:|sender:|passenger:|guest:`)})\s*(${NAME_PARTICLE_START}${FULL})`,
  'gu',
);
// The same cues in the other major European languages: introductions, form labels, salutations and
// the closing formula of a letter or message (the signature follows on the same or the next line).
const EUROPEAN_CUES = String.raw`com os melhores cumprimentos,?|cumprimentos,?|atenciosamente,?|abraços,?|beijinhos,?|un abrazo,?|besos,?|un bacio,?|baci,?|bises,?|bisous,?|liebe grüße,?|viele grüße,?|herzliche grüße,?|beste grüße,?|cordialmente,?|un saluto,?|groetjes,?|hilsen,?|venlig hilsen,?|med venlig hilsen,?|kærlig hilsen,?|kh,?|knus,?|hälsningar,?|kram,?|terveisin,?|ystävällisin terveisin,?|üdv,?|saygılarımla,?|cu stimă,?|cu drag,?|z poważaniem,?|s pozdravom,?|comment by|review by|kommentar von|bewertung von|commentaire de|avis de|comentario de|commento di|reactie van|guest:|gast:|patient(?:in)?:|paciente:|paziente:|policyholder:|versicherungsnehmer(?:in)?:|assurée?:|asegurad[oa]:|present:|présents?\s?:|aanwezig:|anwesend:|obecni:|ik ben|ik heet|mijn naam is|jag heter|jeg heter|jeg hedder|jeg er|nazywam się|mam na imię|jmenuji se|jmenuju se|mă numesc|ma numesc|numele meu este|benim adım|adım|nimeni on|olen|a nevem|chamo-me|me chamo|o meu nome é|meu nome é|me llamo|mi nombre es|soy|sono|io sono|je m'appelle|io sottoscritt[oa]|je soussignée?|ich,|yo,|io,|moi,|nom\s?:|nome\s?:|naam\s?:|vorname\s?:|nachname\s?:|prénom\s?:|apellidos?\s?:|cognome\s?:|kontoinhaber(?:in)?\s?:|inhaber(?:in)?|titulaire(?: du compte)?\s?:|titular(?: de la cuenta)?\s?:|intestatario\s?:|rekeninghouder\s?:|sehr geehrte[rn]? (?:frau|herr)|prezad[oa]s?(?: senhora?| sra?\.?)?|car[oa] senhora?|szanown[ay] pan(?:i|ie)?|drog[ia] pan(?:i|ie)?|vážen[ýá] (?:pane|paní)|milý|milá|stimate domnule|stimată doamnă|stimata doamna|sayın|kedves|obrigad[oa],|merci,|danke,|gracias,|tack,|takk,|kiitos,|dziękuję,|děkuji,|teşekkürler,|sehr geehrte[rn]?|liebe[rn]?|lieber|cher|chère|madame|monsieur|estimad[oa]|querid[oa]|gentile|egregi[oa]|car[oa]|beste|geachte(?: heer| mevrouw)?|hoi|hej|ahoj|cześć|szia|gruß,|grüße,|grüßen,?|grüße|lg,?|vg,?|mfg,?|cordialement,?|bien à vous,?|amitiés,?|atentamente,?|saludos,?|un saludo,?|cordiali saluti,?|distinti saluti,?|saluti,?|grazie,|met vriendelijke groet(?:en)?,?|groet(?:en|jes)?,|hartelijke groet(?:en)?,?|mvh,?|med vänliga hälsningar,?|pozdrawiam,?|s pozdravem,?|üdvözlettel,?|kind regards,?|best regards,?|warm regards,?|yours sincerely,?|yours faithfully,?|ask for|pregunten por|preguntar por|chiedere di|fragen sie nach|demandez|меня зовут|мене звати|я|είμαι [ηο]|με λένε|λέγομαι`;
const INTRO_EUROPEAN = new RegExp(
  String.raw`(?<![\p{L}])(?:${caseless(EUROPEAN_CUES)})[ \t]*\n?[ \t]*${ACADEMIC}(${NAME_PARTICLE_START}${FULL})`,
  'gu',
);
// Words around a name in running text: "a cat named Maple", "my son Oskar", "said Ingrid",
// "Ingrid said", "Chevy Mailhot, born …", and the name after a comma that closes a line ("leave me a voicemail, Benedikt").
const NAMED = new RegExp(
  String.raw`(?<![\p{L}])(?:named|called|namens|genannt|nommée?|appelée?|llamad[oa]|chiamat[oa]|genaamd|som heter)\s+(${FULL})`,
  'gu',
);
const KIN = new RegExp(
  String.raw`(?<![\p{L}])(?:${caseless(String.raw`my|our|his|her|their|mein[e]?|unser[e]?|mon|ma|notre|mi|nuestr[oa]|mio|mia|il mio|la mia|la nostra|il nostro|mijn|onze|min|mitt|mina|vår|meu|minha|nosso|nossa|moja|mój|moje|nasz|nasza|můj|moje|má|náš|naše|мой|моя|мои|наш|наша|мій|мої`)}) (?:${caseless(String.raw`vecin[oa]|vicin[oa]|voisine?|vizinh[oa]|sąsiad(?:ka)?|soused(?:ka)?|granne|nabo|babcia|dziadek|mama|tata|siostra|brat|żona|mąż|córka|syn|przyjaciel|przyjaciółka|děda|dědeček|babička|máma|táta|sestra|bratr|žena|manžel|manželka|dcera|kamarád|kamarádka|mormor|farmor|morfar|farfar|mamma|pappa|syster|bror|fru|dotter|son|vän|søster|datter|søn|ven|avó|avô|mãe|pai|irmã|irmão|mulher|filha|filho|son|daughter|wife|husband|partner|boyfriend|girlfriend|fiancée?|brother|sister|mother|father|mum|mom|dad|grandmother|grandfather|grandma|grandpa|granny|nan|aunt|uncle|cousin|nephew|niece|friend|best friend|colleague|boss|neighbour|neighbor|landlord|landlady|flatmate|roommate|sohn|tochter|frau|mann|bruder|schwester|mutter|vater|oma|opa|freund|freundin|kollege|kollegin|nachbar|nachbarin|fils|fille|femme|mari|frère|sœur|mère|père|ami|amie|collègue|voisin|voisine|hijo|hija|esposa|esposo|marido|hermano|hermana|madre|padre|abuela|abuelo|amigo|amiga|figlio|figlia|moglie|marito|fratello|sorella|nonna|nonno|amico|amica|zoon|dochter|vrouw|broer|zus|moeder|vader|vriend|vriendin|buurman|buurvrouw|prim[oa]|tí[oa]|sobrin[oa]|nieto|nieta|suegr[oa]|cugin[oa]|zi[oa]|nipote|suocer[oa]|tio|tia|neto|neta|sogr[oa]|сын|дочь|дочка|жена|муж|брат|сестра|мама|папа|бабушка|дедушка|друг|подруга|сосед|соседка|коллега|син|донька|дружина|чоловік|мати|батько|бабуся|дідусь|сусід|сусідка`)}) (${FULL})`,
  'gu',
);
const SAID_BEFORE = new RegExp(
  String.raw`(?<![\p{L}])(?:said|asked|replied|answered|shouted|whispered|says|asks|wrote|sagte|fragte|antwortete|schrieb|dit|demanda|répondit|dijo|preguntó|respondió|disse|chiese|rispose|zei|vroeg|antwoordde)\s+(${FULL})`,
  'gu',
);
const SAID_AFTER = new RegExp(
  String.raw`(?<=["”»“]\s?,?\s*|^|\n)(${FULL})\s+(?:said|asked|replied|answered|shouted|whispered|says|asks|writes|wrote|sagte|sagt|fragte|fragt|schreibt|dit|écrit|dijo|dice|escribe|disse|dice|scrive|zei|zegt|schrijft|pisze|mówi|napisał[a]?|powiedział[a]?|píše|říká|napsal[a]?|řekl[a]?|skriver|säger|sa|sier|siger|sanoo|kirjoittaa|diz|escreve|yazdı|dedi|diyor|spune|scrie|írja|mondja)(?![\p{L}])`,
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

// "— Kwame Mensah" / "- Ana" at the end of a review or message, "… so swishar jag. /Maja" at the end of a chat.
const SIGNATURE = new RegExp(String.raw`(?:(?:^|\n)\s*[-–—~]\s*|(?<=\s)\/)(${FULL})\s*$`, 'gmu');
// A full name alone after the last sentence of a message is its signature ("… Zamówienie nr 88213. Anna Nowak");
// a short capitalised word before the full stop is an abbreviation ("… and Mrs. Anna Nowak").
const LAST_SENTENCE_NAME = new RegExp(String.raw`(?<=[.!?] )(?<![\s(]\p{Lu}\p{Ll}{0,3}\. )((?:${NAME})(?: (?:${NAME})){1,2})[ \t]*$`, 'gu');
// Capitalised words that follow an intro phrase but are not names.
// The cue words themselves ("Kontoinhaber:", "Sehr geehrte", "Gruß,") name no one.
const CUE_ONLY = new RegExp(String.raw`^(?:${caseless(EUROPEAN_CUES)}|${caseless('ich bin|ich heiße|mein name ist|my name is|i am|i\'m|je suis|je m\'appelle|me llamo|mi chiamo|soy|sono|name|nom|nome|naam|nombre|dear|hi|hello|hey|hallo|bonjour|hola|ciao|salut|olá|regards|thanks|madame|monsieur|damen|herren|signora|señora|señor|mevrouw|heer')})[\s:,]*$`, 'u');

export function isNameCue(s: string): boolean {
  const word = s.trim();
  // Cues written with their colon or comma ("Nom :", "Gruß,") match without it too.
  return CUE_ONLY.test(word) || CUE_ONLY.test(`${word}:`) || CUE_ONLY.test(`${word},`);
}

// Capitalised words that start no name (titles are honorifics.ts's: see isNotName).
const NOT_NAME = new RegExp(
  String.raw`^(?:I|The|A|An|This|That|There|Here|It|We|You|They|He|She|My|Your|Our|All|Team|Everyone|Guys|Folks|Sir|Madam|Customer|Support|Sales|Hiring|Manager|Admin|Team|Us|Now|Today|Thanks|Thank|Please|Not|So|Very|Just|Really|Good|Happy|Sorry|Glad|Going|Looking|Interested|Writing|Here|New|Back|Home|Done|Ready|Sure|Yes|No|Ok|Okay|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Hotel|Restaurant|Amazon|Google|Re|Fwd|Subject|Order|Invoice|Update|Meeting|Product|Service|Delivery|Room|Staff|Everything|Nothing|Something|Overall|Great|Excellent|Terrible|Bad|Nice|Best|Love|Regards|Cheers|Dear|Hello|Hi|Hey|Damen|Herren|Kollegen|Kolleginnen|Kunde|Kundin|Mesdames|Messieurs|Madame|Monsieur|Client|Cliente|Señores|Señoras|Signori|Signore|Dames|Heren|Klant|Collega|Collega's|Tutti|Todos|Alle|Allemaal|Zusammen)$`,
  'u',
);

/** A capitalised word that is no name: a title, a pronoun, a greeting, a weekday, a common word of messages. */
export function isNotName(word: string): boolean {
  return NOT_NAME.test(word) || isTitleBeforeName(word);
}

/**
 * A sentence whose words are all capitalised but for short function words is a headline ("Teacher
 * Appreciation Week Gift Ideas For Every Budget"), where capitals say nothing about names.
 */
function inTitleCaseSentence(text: string, index: number): boolean {
  const start = Math.max(...['\n', '. ', '! ', '? '].map((b) => text.lastIndexOf(b, index))) + 1;
  const ends = ['\n', '. ', '! ', '? '].map((b) => text.indexOf(b, index)).filter((i) => i >= 0);
  const words = text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length).match(/\p{L}+/gu) ?? [];
  return words.length >= 4 && words.every((w) => /^\p{Lu}/u.test(w) || w.length <= 3);
}

function spansOf(text: string, re: RegExp): Span[] {
  const accept =
    re === VOCATIVE
      ? (m: RegExpExecArray) => ADDRESSING.test(text.slice(0, m.index))
      : re === ROLE_BEFORE || re === CONTACT
        ? (m: RegExpExecArray) => !inTitleCaseSentence(text, m.index ?? 0)
        : re === CONTACT_LOWER
          ? () => !/\p{Lu}/u.test(text)
          : () => true;
  return matchSpans(text, re, 'PERSON', accept, 1).flatMap((s) => trimNonNames(text, s));
}

/**
 * Length of the words a span starts with that name no one: titles, form labels and headings
 * ("Wethouder", "Impressum", "Chief Financial Officer"), greetings and ad formulas ("Merhaba", "Zu verkaufen")
 * and the cue words the rules read ("Ich bin", "Gentile").
 */
export function leadingNonName(body: string): number {
  let taken = 0;
  for (let step = -1; step !== 0 && taken < body.length; ) {
    const rest = body.slice(taken);
    step = leadingRoleOrLabel(rest) || leadingOpener(rest);
    // "Profilo di …", "Profile of …": the heading's own preposition (a field "Naam: van der Berg" keeps it).
    if (step > 0 && !/:\s*$/u.test(rest.slice(0, step))) step += /^(?:of|di|de|du|des|von|van)\s+(?=\p{Lu})/u.exec(rest.slice(step))?.[0].length ?? 0;
    const words = [...rest.matchAll(/\S+\s*/gu)];
    for (let n = 1; n <= Math.min(3, words.length); n++) {
      const prefix = words.slice(0, n).map((w) => w[0]).join('');
      if (isNameCue(prefix)) step = Math.max(step, prefix.length);
    }
    taken += step;
  }
  return taken;
}

/** Drops leading non-name words ("Dear Customer" → nothing, "Hi Team Lead" → nothing, "Chief Financial Officer" → nothing). */
export function trimNonNames(text: string, span: Span): Span[] {
  const start = span.start + leadingNonName(text.slice(span.start, span.end));
  const words = text.slice(start, span.end).split(/(?<=[ -])/);
  const first = words[0]?.trim().replace(/[-\s]$/, '') ?? '';
  if (start >= span.end || isNotName(first)) return [];
  return [{ ...span, start }];
}

// An office or job title before a name ("Wethouder Femke de Groot", "Penningmeester Ruud Hendriks",
// "Il sindaco Alessandro Ferrante", "Presidente: avv. Marco Gentile").
const ROLE_BEFORE = new RegExp(String.raw`(?<![\p{L}])(?:${ROLE})\s*:?\s+(?:${caseless('avv|dott|dott.ssa|ing|dr|prof')}\.?\s+)?(${FULL})`, 'gu');
// Whom to call or write to: "Call Gary on …", "Chiamare Luca Brambilla 347 …", "Reageren naar Joost via …".
const CONTACT = new RegExp(
  String.raw`(?<![\p{L}])(?:${caseless(String.raw`call|ring|text|message|phone|contact|email|e-mail|write to|ask for|anrufen bei|melden bei|appeler|contacter|écrire à|llamar a|escribir a|contactar con|chiamare|contattare|scrivere a|bellen|mailen|reageren naar|ringa|ring till|kontakta|zadzwoń do|napisz do|ligar para|ligar a|falar com|zavolejte|volejte`)})\s+(${FULL})(?=\s+(?:on|at|al|au|op|via|unter|na|pod|per|tel|o|or|oder|ou)\b|\s*[,(]|\s+[+(\d]|\s*[.!]?\s*$)`,
  'gu',
);

// A name right before a phone label in a signature or an ad ("…, Paweł, tel. 698 …", "Anna – Mobil: 0170 …").
const BEFORE_PHONE = new RegExp(
  String.raw`(?<=^|\n|[,;:.!?–—-]\s)(${FULL}),?\s*[–—-]?\s*(?:${caseless('tel|tél|telefon|telefoon|teléfono|telefone|telefono|phone|ph|mob|mobil|mobile|cell|handy|cel|móvil|cellulare|gsm')})\.?\s*:?\s*[+(\d]`,
  'gu',
);

// In a text written without capitals, whom to call is a lowercase word between a calling verb and a number
// ("call deb on 555 0198"); pronouns and kin words are no one's name.
const CONTACT_LOWER = new RegExp(
  String.raw`(?<![\p{L}])(?:call|ring|text|phone|message|anrufen|ruf|appelle|llama|chiama|bel|ring|zadzwoń do|ligue para|ligar para)\s+(?!(?:me|us|him|her|them|you|u|ya|back|again|anyone|someone|everyone|reception|support|mum|mom|dad|mama|papa|ihn|sie|mich|uns|moi|nous|lui|me|mi|ci|lo|la|hem|haar|mij|ons)\s)(\p{Ll}{2,})\s+(?:on|at|al|au|op|unter|na|pod|per|no)\s+[+(]?\d`,
  'gu',
);

const CONTEXTS = [ROLE_BEFORE, CONTACT, CONTACT_LOWER, LAST_SENTENCE_NAME, BEFORE_PHONE, HONORIFIC, INTRO, INTRO_EUROPEAN, SIGNATURE, NAMED, KIN, SAID_BEFORE, SAID_AFTER, QUOTE_SPEAKER, BORN_AFTER, VOCATIVE];

export function personContextSpans(text: string): Span[] {
  return CONTEXTS.flatMap((re) => spansOf(text, re));
}
