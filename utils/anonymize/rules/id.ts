import type { Span } from '../types';
import { before, caseless, matchSpans, SPACED_LETTER, wordAlternation } from './match';
import { NUMBER_WORDS, THING_NUMBER_STEMS } from './number-labels';
import { PHONE_WORDS } from './phone';

// Vehicle registrations: their letter groups ("KX19 TVH") are part of the number.
// "license plate on the rental is …": a few words may stand between the label and the value.
const PLATE = String.raw`(?:licen[cs]e|number|registration) plate(?: (?!is |was )[a-z]+){0,4}|vehicle reg(?:istration)?(?: no\.?| number)?|registration (?:no\.?|number)|reg\.?(?: no\.?)?|(?:amtliches )?kennzeichen|immatriculation|plaque d'immatriculation|matrícula|targa|kenteken|numer rejestracyjny|rejestracja|spz|registreringsnummer`;
const PLATE_LABEL = new RegExp(String.raw`^(?:${PLATE})`, 'iu');

// Labels of identity documents, accounts and registrations in the major European languages and beyond.
export const ID_WORDS = String.raw`passport|passport no\.?|passport number|id card|identity card|national id|id number|id no\.?|driver'?s? licen[cs]e(?: no\.?| number)?|driving licen[cs]e(?: no\.?| number)?|licen[cs]e (?:no\.?|number)|dl#?|reisepass(?:nummer)?|pass(?:nummer|nr\.?)|personalausweis(?:nummer)?|ausweisnummer|führerschein(?:nummer)?|kontonummer|konto(?:nr\.?)|kundennummer|kunden-?nr\.?|blz|(?:n°|numéro) de passeport|passeport|permis de conduire|(?:n°|numéro) (?:de )?(?:compte|client)|(?:número de )?pasaporte|(?:número de )?(?:cuenta|cliente)|carn[eé] de conducir|licencia de conducir|(?:numero di )?passaporto|patente(?: di guida)?|(?:numero di )?(?:conto|cliente)|paspoort(?:nummer)?|rijbewijs(?:nummer)?|rekeningnummer|klantnummer|nhs (?:no\.?|number)|nino|ppsn?|national insurance(?: number)?|aadhaar|aadhar|pan|personalausweis|steuer-?id|steuernummer|dni|nie|nif|cpf|cnpj|rut|curp|rfc|bsn|codice fiscale|numéro fiscal|insee|sin|tfn|medicare(?: no\.?| number)?|member(?:ship)? (?:id|no\.?|number)|customer (?:id|no\.?|number)|account (?:no\.?|number)|meeting id|conference id|acc(?:oun)?t\.? ?(?:no\.?|#|nr\.?)|employee (?:id|no\.?)|student (?:id|no\.?)|patient (?:id|no\.?)|mrn|policy (?:no\.?|number)|tax id|vat (?:id|no\.?|number|reg(?:istration)? (?:no\.?|number))|ust-?id(?:nr\.?)?|partita iva|btw-?(?:nummer|nr\.?)|numéro de tva|n° de tva|nip|cif|ein|itin|plate|vin|imei|user ?id|username|login|handle|user name|social security(?: no\.?| number)?|(?:n° de |numéro de )?sécurité sociale|(?:n°|no|numéro) (?:de )?sécu|(?:número de (?:la )?)?seguridad social|sozialversicherungs(?:nummer|-?nr\.?)|versicherten(?:nummer|-?nr\.?)|versicherungs(?:nummer|-?nr\.?)|sv-?(?:nummer|nr\.?)|rentenversicherungsnummer|previdenza sociale|pesel|personnummer|cpr(?:-nummer)?|henkilötunnus|rodné číslo|isikukood|nir|t\.? ?c\.? kimlik(?: no\.?| numarası)?|kimlik (?:no\.?|numarası)|vergi (?:no\.?|numarası)|pasaport(?: no\.?| numarası)?|cnp|(?:serie ?/ ?)?număr ci|seria? ci|carte de identitate|buletin|αφμ|αμκα|αδτ|αριθμός (?:ταυτότητας|διαβατηρίου)|(?:nr|numer) dowodu(?: osobistego)?|dowód osobisty|(?:nr|numer) paszportu|paszport|číslo (?:op|občanského průkazu|pasu|pojištěnce)|občanský průkaz|személyi igazolvány(?: ?szám)?|személyi szám|taj(?:[ -]?szám)?|adóazonosító(?: jel)?|útlevél(?: ?szám)?|cuit|cuil|cbu|cvu|c[eé]dula(?: de identidad)?|rg|cartão de cidadão|n(?:ú|u)mero de utente|niss|cnh|tessera sanitaria|carta d'identità|carta di identità|burgerservicenummer|identiteitskaart|id-kaart|fødselsnummer|personnr\.?|hetu|ni (?:no\.?|number)|health (?:card|insurance)(?: no\.?| number)?|insurance (?:no\.?|number)|tax (?:file |reference )?(?:no\.?|number)|utr|green card|(?:tenant|patient|customer|client|member|applicant|claimant|policyholder|student|pupil|employee)s?'? (?:ref(?:erence)?|id|no\.?|number)|carte d'identité|carte vitale|паспорт(?:а)?|(?:серия и )?номер паспорта|инн|снилс|номер сч[её]та|лицевой сч[её]т|водительское удостоверение|ипн|рнокпп|егн|лнч|jmbg|oib|emšo|egn|身份证(?:号码|号)?|護照(?:號碼)?|护照(?:号码|号)?|驾驶证(?:号)?|银行卡号|身分證(?:字號|號碼)?|マイナンバー|個人番号|パスポート番号|旅券番号|(?:運転)?免許証番号|口座番号|会員番号|保険証番号|주민등록번호|주민번호|여권번호|운전면허번호|계좌번호|외국인등록번호|رقم (?:الهوية(?: الوطنية)?|البطاقة(?: الوطنية| الشخصية)?|جواز السفر|الحساب|الإقامة)|بطاقة التعريف(?: الوطنية)?|الرقم الوطني|תעודת זהות|ת\.ז\.?|מספר (?:זהות|דרכון|חשבון)|आधार(?: नंबर| संख्या)?|पैन(?: नंबर)?|पासपोर्ट(?: नंबर)?|เลขบัตรประชาชน|เลขประจำตัวประชาชน|เลขที่บัญชี|หนังสือเดินทาง|(?:n°|numéro) (?:d')?allocataire|${PLATE}`;

// "is", "ist", "lautet", "μου είναι": what may stand between a label and its value.
const COPULA = wordAlternation(['is', 'was', 'remains', 'ist', 'lautet', 'est', 'es', 'è', 'é', 'är', 'er', 'jest', 'je', 'to', 'είναι', 'μου είναι', 'μου']);

// A question that asks for the value, answered on the next line of a chat or transcript: "…sécurité
// sociale ?\nClient : 1 87 …".
const ANSWER = String.raw`(?:[^\n?]{0,20}\?[ \t]*\n(?:[\p{L} .'’-]{1,30}:[ \t]*)?)`;

// There are too many national formats to list, so the value after a label is taken when it looks like
// an identifier (has a digit, 5–24 chars).
// "PPS no. on file: …", "passport number as registered: …": a word or two may stand between a label and its colon.
const LABEL_WORDS = String.raw`\p{L}{2,12}(?:\s\p{L}{2,12})?\s*(?=[:：])`;
// A grouped number may hold a check letter inside ("65 170839 J 003"); a value's further groups stop at a
// full stop ("NL-881203. BSN: …" is two fields).
const ID = new RegExp(
  String.raw`(?<!${SPACED_LETTER})(?:${ID_WORDS})(?!${SPACED_LETTER})${ANSWER}?\s*(?:(?:${NUMBER_WORDS})\s*)?(?:${LABEL_WORDS})?(?:(?:${COPULA})\s+|[是为は는은이가]\s*)?[:#=：]?\s*\(?([A-Za-z]{1,3}(?: \d{2,8}){1,5}(?: [A-Z])?(?![\p{L}\p{N}])|\d{1,4}(?: (?:\d{1,12}|[A-Z](?= \d))){2,8}(?![\p{L}\p{N}])|[A-Za-z0-9@_][A-Za-z0-9._/-]{2,30}[A-Za-z0-9_]?(?:(?<!\.) [A-Za-z0-9]{2,6}){0,3}(?: [A-Z](?![\p{L}\p{N}]))?)`,
  'giu',
);

// An identity document's series and number, each an identifier: "Паспорт: серия 4510 номер 123456", "seria AB nr 123456".
const SERIES_AND_NUMBER = new RegExp(
  String.raw`(?<![\p{L}])(?:${caseless('серия|серія|seria|série|series')})\s*[:№]?\s*(\d{2} ?\d{2}|\p{Lu}{2})\s*,?\s*(?:${caseless('номер|nr\\.?|no\\.?|número|numéro|number')}|№)\s*[:№]?\s*(\d{6,9})(?![\p{L}\p{N}])`,
  'gu',
);

// A few words may stand between a label and a long number: "NIF na fatura para 245 …", "passport
// number, if you need it, is …". Only labels that cannot be a common word (five letters or more, or
// written in capitals) and numbers of six digits or more (not a year or a count).
const LABEL_THEN_NUMBER = new RegExp(
  String.raw`(?<![\p{L}])(${ID_WORDS}|licen[cs]e|permit|permis)(?![\p{L}])[^\n\d.?!:]{0,30}?(?<![\p{L}\p{N}])(\d(?:[ ./-]?\d){5,22})(?![\p{L}\p{N}]|[.,]\d)`,
  'giu',
);

// Any numbered field of a form holds an identifier ("Versichertennummer: M438291076", "patiëntnummer is …",
// "Tessera sanitaria n. …", "Hasta no: …", "passport scan (no. 548203917)"), unless the field numbers a
// thing rather than a person (an order, an invoice, an article, a parcel, a booking, a room) or a telephone.
const NUMBERED_FIELD = new RegExp(
  String.raw`(?<![\p{L}])(?:(?<compound>\p{L}[\p{L}-]*(?:[nN]ummer|number|[nN]r\.?|numara\p{L}*))(?:\s*[:#]|\s+(?:${COPULA})(?![\p{L}]))?|(?<romance>(?:${caseless("n°|nº|no\\.|núm\\.|numéro|número|numero")})[ \t]+(?:de la|de|di|do|da|del|du|d')[ \t]*\p{L}+)\s*[:#]?|(?<abbr>\p{L}{2,}[ \t]+(?:no\.|no(?=\s*:)|nr\.?|n\.|n°|nº|№|#))\s*[:#]?|(?<idfield>(?:\p{L}[\p{L}-]*[ \t])?ID(?:[ \t]?(?:no\.?|#|number))?)(?:\s*[:#]|\s+(?:${COPULA})(?![\p{L}]))?|(?<doc>${caseless('passport|licen[cs]e|ausweis|id card|identity card')})[^.\n]{0,25}?(?<![\p{L}])(?:no\.?|nr\.?|n°|number|nummer)\s*[:#]?)\s*\(?(?<value>[A-Za-z0-9][A-Za-z0-9/-]{3,24}(?<=\d[A-Za-z0-9/-]*))(?![\p{L}\p{N}])`,
  'gu',
);
const THING = new RegExp(String.raw`(?<![\p{L}])(?:${THING_NUMBER_STEMS})`, 'u');
const PHONE_LABEL = new RegExp(String.raw`^(?:${PHONE_WORDS})`, 'iu');

/** The field's label (and for "… n." the word before it: "prenotazione CUP n.") names a thing or a telephone. */
function numbersAThing(text: string, start: number, label: string, abbreviated: boolean): boolean {
  const words = `${abbreviated ? before(text, start, 30).trim().split(/\s+/).at(-1) ?? '' : ''} ${label}`;
  return THING.test(words) || words.split(/[\s/-]+/u).some((w) => PHONE_LABEL.test(w));
}

/** Keeps the leading groups of a candidate that look like an identifier (contain a digit or a mix of cases). */
function identifierPart(value: string, plate: boolean): string {
  const groups = value.split(' ');
  const keep: string[] = [];
  for (const [i, g] of groups.entries()) {
    // A check letter may close a grouped number ("QQ 12 34 56 C") or stand inside one ("65 170839 J 003").
    const checkLetter = /^[A-Z]$/.test(g) && /\d/.test(keep.at(-1) ?? '') && (i === groups.length - 1 || /\d/.test(groups[i + 1]!));
    if (keep.length > 0 && !/\d/.test(g) && !(plate && /^[A-Z]{1,4}$/.test(g)) && !checkLetter) break;
    keep.push(g);
  }
  return keep.join(' ');
}

// A forum or comment byline names its author's handle: "Posted by dan_the_van". A capitalised
// "Posted by Jane Doe" is a name, left to the person rules and the model.
const BYLINE = /\b(?:posted|written|submitted|uploaded|shared|asked|answered|replied|edited|commented|reviewed) by:?\s+@?([A-Za-z0-9][\w.-]{2,30}[A-Za-z0-9])(?![\w@-])/giu;

// @handles (Twitter, Instagram, Venmo) and u/name (Reddit).
const HANDLE = /(?<![\p{L}\p{N}._%+-])(?:@|\bu\/)[A-Za-z0-9_](?:[A-Za-z0-9_.-]{1,28}[A-Za-z0-9_])?(?![\w@-])/gu;

export function idSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(ID)) {
    const raw = m[1] ?? '';
    const label = m[0].slice(0, m[0].length - raw.length);
    // A full stop or dash after the value ends the sentence, not the identifier.
    const value = identifierPart(raw, PLATE_LABEL.test(label.trim())).replace(/[._/-]+$/u, '');
    // A user name is any word, so it needs an explicit "login: …" / "username is …" to count.
    if (/user|login|handle/i.test(label) ? !/[:=]|\bis\b/.test(label) : !/\d/.test(value)) continue;
    if (value.length < 4) continue;
    const start = (m.index ?? 0) + m[0].length - raw.length;
    spans.push({ type: 'ID', start, end: start + value.length, source: 'rule' });
  }
  for (const m of text.matchAll(LABEL_THEN_NUMBER)) {
    const label = m[1]!;
    if (label.length < 5 && label !== label.toUpperCase()) continue;
    const start = (m.index ?? 0) + m[0].length - m[2]!.length;
    if (!spans.some((s) => s.start <= start && s.end > start)) spans.push({ type: 'ID', start, end: start + m[2]!.length, source: 'rule' });
  }
  for (const m of text.matchAll(NUMBERED_FIELD)) {
    const g = m.groups!;
    if (g.doc === undefined && numbersAThing(text, m.index ?? 0, g.compound ?? g.romance ?? g.abbr ?? g.idfield ?? '', g.abbr !== undefined)) continue;
    const start = (m.index ?? 0) + m[0].length - g.value!.length;
    if (!spans.some((s) => s.start === start)) spans.push({ type: 'ID', start, end: start + g.value!.length, source: 'rule' });
  }
  spans.push(...matchSpans(text, SERIES_AND_NUMBER, 'ID', () => true, 1), ...matchSpans(text, SERIES_AND_NUMBER, 'ID', () => true, 2));
  // Social media handles (@kwame_m) identify a person just like a name.
  spans.push(...matchSpans(text, HANDLE, 'ID'));
  spans.push(...matchSpans(text, BYLINE, 'ID', (m) => /[_\d]|^[a-z]/.test(m[1]!), 1));
  return spans;
}
