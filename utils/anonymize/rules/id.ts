import type { Span } from '../types';
import { matchSpans } from './match';

// Identity documents and account numbers: there are too many national formats to list, so the value
// after a labelling keyword is taken when it looks like an identifier (has a digit, 5–24 chars).
const ID = new RegExp(
  String.raw`(?<![\p{L}])(?:passport|passport no\.?|passport number|id card|identity card|national id|id number|id no\.?|driver'?s licen[cs]e(?: no\.?| number)?|driving licen[cs]e(?: no\.?| number)?|licen[cs]e (?:no\.?|number)|dl#?|reisepass(?:nummer)?|pass(?:nummer|nr\.?)|personalausweis(?:nummer)?|ausweisnummer|führerschein(?:nummer)?|kontonummer|konto(?:nr\.?)|kundennummer|kunden-?nr\.?|blz|(?:n°|numéro) de passeport|passeport|permis de conduire|(?:n°|numéro) de (?:compte|client)|(?:número de )?pasaporte|(?:número de )?(?:cuenta|cliente)|carn[eé] de conducir|licencia de conducir|(?:numero di )?passaporto|patente(?: di guida)?|(?:numero di )?(?:conto|cliente)|paspoort(?:nummer)?|rijbewijs(?:nummer)?|rekeningnummer|klantnummer|nhs (?:no\.?|number)|nino|national insurance(?: number)?|aadhaar|aadhar|pan|personalausweis|steuer-?id|steuernummer|dni|nie|nif|cpf|cnpj|rut|curp|rfc|bsn|codice fiscale|numéro fiscal|insee|sin|tfn|medicare(?: no\.?| number)?|member(?:ship)? (?:id|no\.?|number)|customer (?:id|no\.?|number)|account (?:no\.?|number)|meeting id|conference id|acct\.? (?:no\.?|#)|employee (?:id|no\.?)|student (?:id|no\.?)|patient (?:id|no\.?)|mrn|policy (?:no\.?|number)|tax id|vat (?:id|no\.?)|ein|itin|routing (?:no\.?|number)|sort code|bic|swift|license plate|licence plate|plate|vin|imei|serial (?:no\.?|number)|user ?id|username|login|handle|user name)(?![\p{L}])\s*(?:is|was|[:#=]|no\.?|number|nr\.?|n°|nummer)?\s*[:#]?\s*([A-Za-z0-9@_][A-Za-z0-9._/-]{2,30}[A-Za-z0-9_]?(?: [A-Za-z0-9]{2,6}){0,3})`,
  'giu',
);

/** Keeps the leading groups of a candidate that look like an identifier (contain a digit or a mix of cases). */
function identifierPart(value: string): string {
  const groups = value.split(' ');
  const keep: string[] = [];
  for (const g of groups) {
    if (keep.length > 0 && !/\d/.test(g)) break;
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
    const value = identifierPart(raw);
    const label = m[0].slice(0, m[0].length - raw.length);
    // A user name is any word, so it needs an explicit "login: …" / "username is …" to count.
    if (/user|login|handle/i.test(label) ? !/[:=]|\bis\b/.test(label) : !/\d/.test(value)) continue;
    if (value.length < 4) continue;
    const start = (m.index ?? 0) + m[0].length - raw.length;
    spans.push({ type: 'ID', start, end: start + value.length, source: 'rule' });
  }
  // Social media handles (@kwame_m) identify a person just like a name.
  spans.push(...matchSpans(text, HANDLE, 'ID'));
  spans.push(...matchSpans(text, BYLINE, 'ID', (m) => /[_\d]|^[a-z]/.test(m[1]!), 1));
  return spans;
}
