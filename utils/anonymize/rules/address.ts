import type { Span } from '../types';
import { caseless, matchSpans } from './match';

// Capitalised word that may form part of a street or place name (Unicode letters, inner ' . -).
const NAME = String.raw`\p{Lu}[\p{L}'’.-]*`;
const NAMES = String.raw`${NAME}(?:[ -]${NAME}){0,4}`;
const HOUSE = String.raw`\d{1,5}(?:[ -]?[A-Za-z](?![\p{L}]))?(?:[-/]\d{1,4})?`;
// Unit designators that follow a street line.
const UNIT = String.raw`(?:,? (?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Floor|Fl\.?|Room|Rm\.?|#) ?[\p{L}\d-]{1,6})?`;

const EN_SUFFIX = String.raw`(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Close|Crescent|Cres|Gardens|Grove|Mews|Row|Walk|Hill|Trail|Path|Alley|Plaza|Loop|Pike|Embankment|Parade|Rise|Green)(?:(?<=St|Ave|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Pkwy|Hwy|Cir|Sq|Cres)\.)?`;
// US/UK/IE/AU/NG/IN…: "221B Baker Street", "1600 Pennsylvania Ave NW, Apt 4".
const EN_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:Flat|Apt\.?|Apartment|Unit|Suite|Room) [\p{L}\d-]{1,5},? )?${HOUSE},? (?:${NAMES} )?${NAME} ${EN_SUFFIX}(?: (?:NW|NE|SW|SE|N|S|E|W|North|South|East|West)\b)?${UNIT}`,
  'gu',
);
// German/Austrian/Swiss/Dutch/Nordic compounds: "Hauptstraße 5", "Keizersgracht 123-2", "Drottninggatan 12".
const COMPOUND_STREET = new RegExp(
  String.raw`(?<![\p{L}])(?:${NAME}[ -])?\p{Lu}[\p{L}-]*(?:straße|strasse|str\.|gasse|weg|allee|platz|ring|damm|ufer|chaussee|steig|straat|laan|gracht|plein|kade|singel|dijk|markt|gatan|gata|vägen|veien|vej|gade|katu|tie)(?: \d{1,4}(?: ?[a-zA-Z](?![\p{L}]))?(?:[-/]\d{1,4})?)(?![\p{L}\p{N}])`,
  'gu',
);
// Multi-word German/Dutch street names: "Unter den Linden 77", "Am Markt 3", "Prinsengracht".
const DE_MULTI = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:Am|An der|Auf der|Im|In der|Unter den|Zum|Zur|Alte|Neue|Große|Kleine) )${NAME} \d{1,4}[a-z]?(?![\p{L}\p{N}])`,
  'gu',
);
// Romance languages: "12 rue de la Paix", "Calle Mayor 12", "Via Roma 10", "Avenida Paulista, 1578".
const ROMANCE_KIND = caseless(String.raw`(?:rue|avenue|av\.|boulevard|bd|place|allée|impasse|chemin|quai|cours|route|calle|c\/|avenida|avda\.?|paseo|plaza|carrera|rua|travessa|via|viale|piazza|corso|largo|vicolo)`);
const LINK = String.raw`(?:de|del|de la|de l'|des|du|la|le|les|da|do|dos|das|della|delle|dei|di|y|e)`;
const ROMANCE_NAME = String.raw`(?:${LINK} )?${NAME}(?: (?:${LINK} )?${NAME}){0,3}`;
const ROMANCE_PREFIX = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\d{1,4}(?: ?(?:bis|ter))?,? ${ROMANCE_KIND} ${ROMANCE_NAME}`,
  'gu',
);
const ROMANCE_SUFFIX = new RegExp(
  String.raw`(?<![\p{L}])${ROMANCE_KIND} ${ROMANCE_NAME},? (?:n\.?º? ?)?\d{1,4}(?:[-/]\d{1,4})?(?: ?\d{1,2}º?(?: ?[A-Za-z](?![\p{L}]))?)?`,
  'gu',
);
// "P.O. Box 1234", "Postfach 10 20 30".
const PO_BOX = /\b(?:P\.? ?O\.? Box|PO Box|Post Office Box|Postfach|Boîte postale|BP|Apartado)\s?\d[\d ]{0,8}\d?\b/giu;

// An address line usually goes on with its locality: ", Victoria Island, Lagos", ", 111 21 Stockholm".
// Only comma-separated capitalised words or postcode-shaped groups are taken, at most three.
const PLACE = String.raw`\p{Lu}[\p{L}'’-]*`;
const LOCALITY = new RegExp(
  String.raw`^(?:, ?(?:(?:\d{3} ?\d{2}|\d{4}-\d{3}|\d{2}-\d{3}|\d{4,6}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}) )?${PLACE}(?: ${PLACE}){0,2}(?: [A-Z]{2})?(?: (?:\d{3} ?\d{2}|\d{4,6})(?!\d))?){1,3}`,
  'u',
);

function withLocality(text: string, span: Span): Span {
  const tail = LOCALITY.exec(text.slice(span.end, span.end + 80));
  return tail ? { ...span, end: span.end + tail[0].length } : span;
}

export function addressSpans(text: string): Span[] {
  return [EN_STREET, COMPOUND_STREET, DE_MULTI, ROMANCE_PREFIX, ROMANCE_SUFFIX, PO_BOX]
    .flatMap((re) => matchSpans(text, re, 'ADDRESS', (m) => /\d/.test(m[0])))
    .map((s) => withLocality(text, s));
}
