import type { Span } from '../types';
import { MONTH_NAMES } from './calendar';
import { caseless, matchSpans, wordAlternation } from './match';

// A date alone is not an identifier; a date someone was born on is (with a name or a postcode it
// singles a person out). So the date is taken only after a birth label, in the major European languages.
const LABEL = caseless(
  [
    String.raw`date of birth`, String.raw`birth ?date`, String.raw`birthday`, String.raw`d\.? ?o\.? ?b\.?`, String.raw`born(?: on)?`, String.raw`b\.`,
    String.raw`geburtsdatum`, String.raw`geburtstag`, String.raw`geb\.?(?: am)?`, String.raw`geboren(?: am)?`,
    String.raw`date de naissance`, String.raw`né(?:e)? le`, String.raw`né(?:e)?`,
    String.raw`fecha de nacimiento`, String.raw`f\. nac\.`, String.raw`nacid[oa] el`, String.raw`nacid[oa]`, String.raw`nací el`,
    String.raw`data di nascita`, String.raw`nat[oa] il`,
    String.raw`geboortedatum`, String.raw`geboren op`, String.raw`geb\. ?datum`,
    String.raw`data de nascimento`, String.raw`nascid[oa] em`, String.raw`data urodzenia`, String.raw`urodzon[ya]`,
    String.raw`datum narození`, String.raw`narozen[aá]?`, String.raw`född`, String.raw`fødselsdato`, String.raw`født`, String.raw`syntymäaika`,
    String.raw`ur\.`, String.raw`urodz\.`, String.raw`nar\.`, String.raw`data nasc\.?`, String.raw`fecha nac\.?`, String.raw`geb\.-datum`, String.raw`födelsedatum`, String.raw`født den`,
    String.raw`syntynyt`, String.raw`sünniaeg`, String.raw`sünnikuupäev`, String.raw`gimimo data`, String.raw`dzimšanas datums`, String.raw`datum rođenja`,
    String.raw`datum rojstva`, String.raw`data nașterii`, String.raw`data nasterii`, String.raw`născut(?:ă)? (?:la|pe)`, String.raw`születési (?:idő|dátum)`, String.raw`szül\.`,
    String.raw`doğum tarihi`, String.raw`d\. tarihi`, String.raw`дата рождения`, String.raw`дата народження`, String.raw`ημερομηνία γέννησης`, String.raw`ημ\. γέννησης`,
    String.raw`生年月日`, String.raw`出生日期`, String.raw`생년월일`,
    String.raw`dátum narodenia`, String.raw`narodený`, String.raw`narodená`, String.raw`дата на раждане`, String.raw`датум рођења`, String.raw`datëlindja`,
    String.raw`تاريخ الميلاد`, String.raw`تاريخ الولادة`, String.raw`تاریخ تولد`, String.raw`تاریخ پیدائش`, String.raw`תאריך לידה`, String.raw`ת\. לידה`,
    String.raw`जन्म तिथि`, String.raw`जन्मतिथि`, String.raw`जन्म तारीख`, String.raw`जन्म की तारीख`, String.raw`জন্ম তারিখ`, String.raw`วันเกิด`, String.raw`วันที่เกิด`,
    String.raw`ngày sinh`, String.raw`tanggal lahir`, String.raw`tgl\.? lahir`, String.raw`tarikh lahir`, String.raw`petsa ng kapanganakan`, String.raw`tarehe ya kuzaliwa`,
    String.raw`誕生日`, String.raw`出生年月日`, String.raw`생일`,
  ].join('|'),
);
// A birth year alone after its own label: "Geburtsjahr: 1985", "year of birth 1979".
const YEAR_LABEL = wordAlternation([
  'year of birth', 'birth year', 'geburtsjahr', 'jahrgang', 'année de naissance', 'año de nacimiento', 'anno di nascita', 'geboortejaar',
  'ano de nascimento', 'rok urodzenia', 'rocznik', 'rok narození', 'födelseår', 'fødselsår', 'syntymävuosi', 'doğum yılı', 'год рождения',
  'έτος γέννησης', 'születési év', 'anul nașterii',
]);
// A field holding where and when someone was born: "Lieu et date de naissance : Lyon, le 3 mars 1980".
const PLACE_AND_DATE_LABEL = wordAlternation([
  'place and date of birth', 'date and place of birth', 'lieu et date de naissance', 'date et lieu de naissance', 'lugar y fecha de nacimiento',
  'fecha y lugar de nacimiento', 'luogo e data di nascita', 'data e luogo di nascita', 'geburtsort und -datum', 'geburtsdatum und -ort',
  'miejsce i data urodzenia', 'data i miejsce urodzenia', 'místo a datum narození', 'datum a místo narození', 'doğum yeri ve tarihi',
  'doğum tarihi ve yeri', 'место и дата рождения', 'дата и место рождения', 'local e data de nascimento', 'data e local de nascimento',
  'plaats en datum van geboorte', 'geboortedatum en -plaats', 'födelseort och -datum', 'τόπος και ημερομηνία γέννησης',
]);
const MONTH = String.raw`\p{L}{3,12}\.?`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er|º|\.)?`;
const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`;
// The word for "year" some languages write after a date: "21 серпня 1982 р.", "14 мая 1983 г.", "12 maja 1990 r.".
const YEAR_MARK = String.raw`(?:\s?(?:р|г|r|m|god|godine)\.|\s(?:року|года|roku|godine|metų)(?![\p{L}]))?`;
const DATE_FORMS = [
  String.raw`\d{4}[-./]\d{1,2}[-./]\d{1,2}`, // 1990-07-30
  String.raw`\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})`, // 17.02.1984, 6/14/88
  String.raw`\d{1,2}\. ?\d{1,2}\. ?\d{4}`, // 27. 6. 1944
  String.raw`(?:the )?${DAY} (?:of |de )?${MONTH},? (?:de )?${YEAR}`, // 9 May 1961, 3rd of October 1985, 7 de agosto de 1964
  String.raw`${MONTH} ${DAY},? ${YEAR}`, // March 22nd, 1999
  String.raw`\d{1,2}[-/.]\p{L}{3,9}\.?[-/.](?:\d{4}|\d{2})`, // 03-Apr-1990
  String.raw`(?:0?[1-9]|1[0-2])[/.-]${YEAR}`, // 04/1990
  String.raw`${YEAR}\. ?${MONTH} ${DAY}`, // 1990. július 30.
  String.raw`${YEAR}\. ?\d{1,2}\. ?\d{1,2}\.?`, // 1990. 07. 30.
  String.raw`${YEAR} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日`, // 1990年7月30日
  String.raw`${YEAR} ?년 ?\d{1,2} ?월 ?\d{1,2} ?일`, // 1990년 7월 30일
].join('|');
const DATE = String.raw`(?:${DATE_FORMS})${YEAR_MARK}`;
// Month names in words, so a date said in words after a birth label is read too: "the thirtieth of July,
// nineteen ninety", "douze avril quatre-vingt-sept".
const MONTHS = wordAlternation(MONTH_NAMES);
const SPOKEN_DATE = String.raw`(?:[\p{L}-]+ ){1,3}(?:${MONTHS})(?![\p{L}])(?:,? [\p{L}-]+){0,3}`;
// Between the label and the date: ":", "on", "am", "le", "il", a tab, or a closing table cell.
const BIRTH_DATE = new RegExp(
  String.raw`(?<![\p{L}])(?:${LABEL})(?:\s*[:：=|\t-]\s*|\s+(?:on|am|le|el|il|op|em|den|is|was|ist|war|est|es|è|is op)\s+|\s+)((?:${DATE}))(?![\p{L}\p{N}])`,
  'gu',
);
// A life span after a name, "Evelyn Carter (March 3, 1931 – November 18, 2024)", or the genealogical
// "* 4. Juni 1940, † 2. Februar 2025": the first date is a birth date.
const LIFESPAN = new RegExp(
  String.raw`(?:(?<=\p{Lu}\p{Ll}+ )\(\s*((?:${DATE}))\s*[–—-]\s*(?:${DATE})\s*\)|(?<![\p{L}\p{N}*])\*\s?((?:${DATE})),?\s*†)`,
  'gu',
);

// The verb of being born, with a place or a clause between it and the date: "nació en Cáceres el 4 de julio
// de 1931", "urodziła się 8 października 1940", "se narodil 27. 6. 1944", "nata a Bari il 6 dicembre 1992".
const BORN = caseless(
  String.raw`born|geboren|né|née|nacid[oa]|nació|nacque|nat[oa]|nasceu|nascid[oa]|urodził(?:a)?(?: się)?|urodzon[ya]|narodil(?:a)?|narozen[aá]?|narodený|narodená|född|föddes|født|fødtes|fødd|syntyi|született|doğdu|s-a născut|născut[ăa]?|rojen[a]?|rođen[a]?|sündis|sündinud|gimė|dzimis|dzimusi|родил(?:ся|ась)|народи(?:вся|лася)|γεννήθηκε|נולד(?:ה)?`,
);
const BORN_THEN_DATE = new RegExp(String.raw`(?<![\p{L}])(?:${BORN})(?![\p{L}])[^.!?\n]{0,40}?(?<![\p{L}\p{N}])((?:${DATE}))(?![\p{L}\p{N}])`, 'gu');
// German puts the verb last: "ist am 12. März 1936 in Königsberg geboren".
const DATE_THEN_BORN = new RegExp(String.raw`(?<![\p{L}])${caseless('am')}\s+((?:${DATE}))(?![\p{L}\p{N}])[^.!?\n]{0,40}?(?<![\p{L}])(?:${caseless('geboren|zur welt gekommen')})`, 'gu');
// A year alone right after the verb: "née en 1997", "born in 1988", "geboren 1975".
const BORN_IN_YEAR = new RegExp(String.raw`(?<![\p{L}])(?:${BORN})\s+(?:(?:${caseless('in|en|im|nel|em|w|v|år|i|vuonna')})\s+)?(${YEAR})(?![\p{L}\p{N}])`, 'gu');

// The answer to a birth-date question on the next line, after a speaker's name: "votre date de naissance ?⏎Client : le …".
const ANSWERED = new RegExp(
  String.raw`(?<![\p{L}])(?:${LABEL})[^\n]{0,12}?[?:：]?[ \t]*\n[ \t]*(?:[\p{L}][\p{L} .'’-]{0,24}[ \t]?[:：][ \t]*)?(?:(?:${caseless("le|the|on|el|il|am|den|op|em|it's|it is")})[ \t]+)?((?:${DATE}|${SPOKEN_DATE}))(?![\p{L}\p{N}])`,
  'gu',
);
const SPOKEN_AFTER_LABEL = new RegExp(String.raw`(?<![\p{L}])(?:${LABEL})[ \t]*[:：][ \t]*(?:(?:${caseless('le|the|on|el|il|am|den')})[ \t]+)?(${SPOKEN_DATE})`, 'gu');
const YEAR_OF_BIRTH = new RegExp(String.raw`(?<![\p{L}])(?:${YEAR_LABEL})\s*[:：=|\t-]?\s*(${YEAR})(?![\p{L}\p{N}])`, 'gu');
// After a birth label a day and month without a year, or a year alone, are still the birth date:
// "Birthday: 3 March", "Geburtstag: 14. Mai", "DOB: 1990".
const PARTIAL_AFTER_LABEL = new RegExp(
  String.raw`(?<![\p{L}])(?:${LABEL})\s*[:：=|\t-]\s*((?:${DAY} (?:of |de )?(?:${MONTHS})|(?:${MONTHS}) ${DAY}|${YEAR})(?![\p{L}\p{N}]|[./-]\d|,?\s*\d|\.\s*\p{Ll}))`,
  'gu',
);
const PLACE = String.raw`\p{Lu}[\p{L}'’-]+(?:[ /-]\p{Lu}[\p{L}'’-]+){0,2}`;
const PLACE_AND_DATE = new RegExp(
  String.raw`(?<![\p{L}])(?:${PLACE_AND_DATE_LABEL})\s*[:：]?\s*(?:(${PLACE}),?\s+(?:(?:${caseless('le|the|am|el|il|den')})\s+)?(${DATE})|(${DATE}),?\s+(?:(?:${caseless('in|à|en|a|w|v|i')})\s+)?(${PLACE}))(?![\p{L}\p{N}])`,
  'gu',
);

const LABEL_ONLY = new RegExp(String.raw`^(?:${LABEL})[\s:]*$`, 'u');

/** "DOB", "Geburtsdatum:": the label itself names no one (the model sometimes takes it for an entity). */
export function isBirthLabel(s: string): boolean {
  return LABEL_ONLY.test(s.trim());
}

export function birthDateSpans(text: string): Span[] {
  const spans = [
    ...matchSpans(text, BIRTH_DATE, 'DATE_OF_BIRTH', () => true, 1),
    ...matchSpans(text, BORN_THEN_DATE, 'DATE_OF_BIRTH', () => true, 1),
    ...matchSpans(text, DATE_THEN_BORN, 'DATE_OF_BIRTH', () => true, 1),
    ...matchSpans(text, BORN_IN_YEAR, 'DATE_OF_BIRTH', () => true, 1),
    ...matchSpans(text, LIFESPAN, 'DATE_OF_BIRTH', () => true, 1),
    ...matchSpans(text, LIFESPAN, 'DATE_OF_BIRTH', () => true, 2),
    ...matchSpans(text, ANSWERED, 'DATE_OF_BIRTH', () => true, 1),
    ...matchSpans(text, SPOKEN_AFTER_LABEL, 'DATE_OF_BIRTH', () => true, 1),
    ...matchSpans(text, YEAR_OF_BIRTH, 'DATE_OF_BIRTH', () => true, 1),
    ...matchSpans(text, PARTIAL_AFTER_LABEL, 'DATE_OF_BIRTH', () => true, 1),
    ...matchSpans(text, PLACE_AND_DATE, 'LOCATION', () => true, 1),
    ...matchSpans(text, PLACE_AND_DATE, 'DATE_OF_BIRTH', () => true, 2),
    ...matchSpans(text, PLACE_AND_DATE, 'DATE_OF_BIRTH', () => true, 3),
    ...matchSpans(text, PLACE_AND_DATE, 'LOCATION', () => true, 4),
  ];
  // A date after both a birth label and a birth verb ("born on 9 May 1961") is one span, not two.
  return spans.filter((s, i) => spans.findIndex((t) => t.start === s.start && t.end === s.end) === i);
}
