import type { Span } from '../types';
import { caseless, matchSpans } from './match';

// Vehicle registrations: their letter groups ("KX19 TVH") are part of the number.
// "license plate on the rental is …": a few words may stand between the label and the value.
const PLATE = String.raw`(?:licen[cs]e|number|registration) plate(?: (?!is |was )[a-z]+){0,4}|vehicle reg(?:istration)?(?: no\.?| number)?|registration (?:no\.?|number)|reg\.? no\.?|(?:amtliches )?kennzeichen|immatriculation|plaque d'immatriculation|matrícula|targa|kenteken|numer rejestracyjny|rejestracja|spz|registreringsnummer`;
const PLATE_LABEL = new RegExp(String.raw`^(?:${PLATE})`, 'iu');

// Identity documents and account numbers: there are too many national formats to list, so the value
// after a labelling keyword is taken when it looks like an identifier (has a digit, 5–24 chars).
const ID = new RegExp(
  String.raw`(?<![\p{L}])(?:passport|passport no\.?|passport number|id card|identity card|national id|id number|id no\.?|driver'?s? licen[cs]e(?: no\.?| number)?|driving licen[cs]e(?: no\.?| number)?|licen[cs]e (?:no\.?|number)|dl#?|reisepass(?:nummer)?|pass(?:nummer|nr\.?)|personalausweis(?:nummer)?|ausweisnummer|führerschein(?:nummer)?|kontonummer|konto(?:nr\.?)|kundennummer|kunden-?nr\.?|blz|(?:n°|numéro) de passeport|passeport|permis de conduire|(?:n°|numéro) (?:de )?(?:compte|client)|(?:número de )?pasaporte|(?:número de )?(?:cuenta|cliente)|carn[eé] de conducir|licencia de conducir|(?:numero di )?passaporto|patente(?: di guida)?|(?:numero di )?(?:conto|cliente)|paspoort(?:nummer)?|rijbewijs(?:nummer)?|rekeningnummer|klantnummer|nhs (?:no\.?|number)|nino|national insurance(?: number)?|aadhaar|aadhar|pan|personalausweis|steuer-?id|steuernummer|dni|nie|nif|cpf|cnpj|rut|curp|rfc|bsn|codice fiscale|numéro fiscal|insee|sin|tfn|medicare(?: no\.?| number)?|member(?:ship)? (?:id|no\.?|number)|customer (?:id|no\.?|number)|account (?:no\.?|number)|meeting id|conference id|acct\.? (?:no\.?|#)|employee (?:id|no\.?)|student (?:id|no\.?)|patient (?:id|no\.?)|mrn|policy (?:no\.?|number)|tax id|vat (?:id|no\.?|number|reg(?:istration)? (?:no\.?|number))|ust-?id(?:nr\.?)?|partita iva|btw-?(?:nummer|nr\.?)|numéro de tva|n° de tva|nip|cif|ein|itin|routing (?:no\.?|number)|sort code|bic|swift|plate|vin|imei|serial (?:no\.?|number)|user ?id|username|login|handle|user name|social security(?: no\.?| number)?|(?:n° de |numéro de )?sécurité sociale|(?:número de (?:la )?)?seguridad social|sozialversicherungsnummer|rentenversicherungsnummer|previdenza sociale|pesel|personnummer|cpr(?:-nummer)?|henkilötunnus|rodné číslo|isikukood|nir|${PLATE})(?![\p{L}])\s*(?:is|was|[:#=]|no\.?|number|nr\.?|n°|nummer)?\s*[:#]?\s*(\d{1,3}(?: \d{1,6}){3,8}(?![\p{L}\p{N}])|[A-Za-z0-9@_][A-Za-z0-9._/-]{2,30}[A-Za-z0-9_]?(?: [A-Za-z0-9]{2,6}){0,3})`,
  'giu',
);

// Any "…nummer:" / "… number:" field of a form holds an identifier ("Versichertennummer: M438291076",
// "passport scan (no. 548203917)"), unless the field numbers a thing rather than a person: an order, an
// invoice, an article, a parcel, a room, a telephone (the phone rule's).
const NUMBERED_FIELD = new RegExp(
  String.raw`(?<![\p{L}])(?!(?:${caseless('artikel|bestell|auftrags|rechnungs|order|invoice|item|produkt|product|tracking|sendungs|paket|ticket|haus|zimmer|room|telefon|tel|fax|handy|mobil|phone|mobile|model|modell|version|serien|seite|page|referenz|reference|ref|flug|flight|zug|train|bus|gleis|platform|sitz|seat')}))(?:\p{L}+(?:nummer|number|nr\.?)\s*[:#]|(?:${caseless('passport|licen[cs]e|ausweis|id card|identity card')})[^.\n]{0,25}?(?<![\p{L}])(?:no\.?|nr\.?|n°|number|nummer)\s*[:#]?)\s*([A-Za-z0-9][A-Za-z0-9/-]{3,24}(?<=\d[A-Za-z0-9/-]*))(?![\p{L}\p{N}])`,
  'gu',
);

/** Keeps the leading groups of a candidate that look like an identifier (contain a digit or a mix of cases). */
function identifierPart(value: string, plate: boolean): string {
  const groups = value.split(' ');
  const keep: string[] = [];
  for (const g of groups) {
    if (keep.length > 0 && !/\d/.test(g) && !(plate && /^[A-Z]{1,4}$/.test(g))) break;
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
  for (const m of text.matchAll(NUMBERED_FIELD)) {
    const start = (m.index ?? 0) + m[0].length - m[1]!.length;
    if (!spans.some((s) => s.start === start)) spans.push({ type: 'ID', start, end: start + m[1]!.length, source: 'rule' });
  }
  // Social media handles (@kwame_m) identify a person just like a name.
  spans.push(...matchSpans(text, HANDLE, 'ID'));
  spans.push(...matchSpans(text, BYLINE, 'ID', (m) => /[_\d]|^[a-z]/.test(m[1]!), 1));
  return spans;
}
