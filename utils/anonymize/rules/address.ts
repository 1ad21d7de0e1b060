import type { Span } from '../types';
import { caseless, matchSpans, wordAlternation } from './match';
import { ENGLISH_ONE_TO_NINETY_NINE } from './spoken-number';

// Capitalised word that may form part of a street or place name (Unicode letters, inner ' . -).
const NAME = String.raw`\p{Lu}[\p{L}'’.-]*`;
const NAMES = String.raw`${NAME}(?:[ -]${NAME}){0,4}`;
const HOUSE = String.raw`\d{1,5}(?:[ -]?[A-Za-z](?![\p{L}:]))?(?:[-/]\d{1,4})?`;
// "No: 214", "Nr. 5", "nº 12", "č. 8": the house number's own label, written between the street and the number.
const HOUSE_NO = String.raw`(?:(?:No|NO|no|Nr|nr|Nº|nº|N°|n°|n\.º|č)[:.]?\s?)?${HOUSE}(?:\s(?:D|Daire|daire|Kat|kat)[:.]?\s?\d{1,4})*`;
// A house number said in words, in a call transcript: "fourteen Tanners Row".
const SPOKEN_HOUSE = ENGLISH_ONE_TO_NINETY_NINE;
// Unit designators that follow a street line.
const UNIT = String.raw`(?:,? (?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Floor|Fl\.?|Room|Rm\.?|#) ?[\p{L}\d-]{1,6})?`;

// The street kinds of postal address standards, some also in the plural ("Glenann Hills", "Ford Station").
const EN_SUFFIX = String.raw`(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Close|Crescent|Cres|Gardens|Grove|Mews|Row|Walk|Hill|Trail|Path|Alley|Plaza|Loop|Pike|Embankment|Parade|Rise|Green|Station|Stravenue|Cove|Rapids|Heights|Ridge|Point|Crossing|Creek|Meadows|Estates|Springs|Valley|Harbor|Harbour|Glen|Hollow|Landing|Manor|Knoll|Junction|Turnpike|Causeway|Expressway|Freeway|Bypass)(?:(?<=St|Ave|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Pkwy|Hwy|Cir|Sq|Cres)\.|(?<=Hill|Court|Lane|Grove|Ridge|Point|Creek|Knoll|Trail|Path|Loop|Walk)s)?(?![\p{L}\p{N}])`;
// US/UK/IE/AU/NG/IN…: "221B Baker Street", "1600 Pennsylvania Ave NW, Apt 4".
const EN_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:Flat|Apt\.?|Apartment|Unit|Suite|Room|Block|Blk\.?|Building|Bldg\.?|Tower|Floor) [\p{L}\d-]{1,5},? ){0,3}(?:${HOUSE}|${SPOKEN_HOUSE}(?= \p{Lu})),? (?:${NAMES} )?${NAME} ${EN_SUFFIX}(?: (?:NW|NE|SW|SE|N|S|E|W|North|South|East|West)\b)?${UNIT}`,
  'gu',
);
// The same written all in lowercase, as in chat ("7 hollybush lane", "22 baxter st"): only street kinds that
// are no common noun of measure or movement, and never after an article ("a 3 lane road").
const EN_LOWER_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}]|(?:a|an|the|one|per) )\d{1,5}[a-z]? (?!(?:the|a|an|my|our|your|his|her|their|of|to|in|on|at|more|other|new|old|main|few|km|mi|miles|minutes|mins|hours|hrs|days|weeks|years|blocks|doors|houses|lane|lanes|road|roads|way|ways)\s)\p{Ll}[\p{Ll}'’-]{2,}(?: \p{Ll}[\p{Ll}'’-]{2,})? (?:street|st|road|rd|lane|ln|avenue|ave|boulevard|blvd|drive|crescent|close|gardens|grove|terrace|mews|parkway)(?![\p{L}\p{N}])`,
  'gu',
);
// German/Austrian/Swiss/Dutch/Nordic compounds: "Hauptstraße 5", "Keizersgracht 123-2", "Drottninggatan 12".
const COMPOUND_STREET = new RegExp(
  String.raw`(?<![\p{L}])(?:${NAME}[ -])?\p{Lu}[\p{L}-]*(?:straße|strasse|str\.|gasse|weg|allee|platz|ring|damm|ufer|chaussee|steig|straat|laan|gracht|plein|kade|singel|dijk|markt|gatan|gata|gate|vägen|veien|vegen|vei|vej|gade|katu|tie|kuja|polku)(?: \d{1,4}(?: ?[a-zA-Z](?![\p{L}]))?(?:[-/]\d{1,4})?(?: (?:bis|ter)\b)?)(?![\p{L}\p{N}])`,
  'gu',
);
// The same in lowercase, as typed in chat ("bergmannstr 44", "storgata 9b"): only suffixes no common word ends in.
const LOWER_COMPOUND_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}-]{2,}(?:straße|strasse|str\.?|gasse|weg|allee|straat|laan|gracht|gatan|gata|vägen|veien|vegen|vej|gade|katu|kuja) \d{1,4}(?: ?[a-z](?![\p{L}]))?(?:[-/]\d{1,4})?(?![\p{L}\p{N}])`,
  'gu',
);
// Arabic: "شارع" or "طريق" and the street's name, with a house number before or after, then district, city,
// country and postcode after commas; a part starting with the conjunction "و"/"ف" is the next clause.
const ARABIC_WORD = String.raw`(?![وف])[\p{Script=Arabic}\p{M}]+`;
const ARABIC_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\d{1,5}\s)?(?:شارع|طريق)\s${ARABIC_WORD}(?:\s${ARABIC_WORD}){0,2}(?:\s\d{1,5})?(?:[،,]\s?${ARABIC_WORD}(?:\s${ARABIC_WORD})?(?:\s\d{5})?){0,3}`,
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
// Street types written as a word of their own, before or after the name: "Kopenhagener Straße 53",
// "Pärnu maantee 31", "Váci utca 19", "İnci Caddesi 692", "Bygdøy allé 58", "ul. Piotrkowska 104/6",
// "Οδός Ερμού 47", "вул. Шевченка 12".
const STREET_WORD = String.raw`(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer|tänav|tn\.|maantee|mnt\.?|puiestee|pst\.|tee|utca|út|útja|tér|körút|köz|sor|gata|gate|gatan|veien|vei|vegen|allé|ulica|ulice|třída|náměstí|nábřeží|Caddesi|Cad\.|Sokak|Sokağı|Sk\.|Bulvarı|Mahallesi|Mah\.|iela|gatvė|g\.|cesta|ulica|ut|vegur|stræti|aleja|plac|osiedle)`;
const WORDED_STREET = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:ul|al|pl|os|vul|вул|ул|пр|пл)\. ?|(?:Οδός|οδός|Οδ\.|Λεωφόρος|Λεωφ\.|Πλατεία|улица|проспект|вулиця|проспект|площа) )?${NAME}(?: ${NAME}){0,2} (?:${STREET_WORD} )?${HOUSE_NO}(?: ?(?:bis|ter)\b)?(?![\p{L}\p{N}])`,
  'gu',
);
const WORDED_STREET_AFTER = new RegExp(
  String.raw`(?<![\p{L}])${NAME}(?: ${NAME}){0,2} ${STREET_WORD} ${HOUSE_NO}(?![\p{L}\p{N}])`,
  'gu',
);
// A street line followed by a postcode and a place is an address whatever its language: "Tamme 12,
// 10145 Tallinn", "Vinohradská 48, 120 00 Praha 2", "188 Kärbi põik, 16586 Jõhvi", "Za Kolonkou 252⏎073 42 Horní Planá".
const POSTCODE_SHAPE = String.raw`(?:[A-Z]{1,2}-)?(?:\d{3} ?\d{2}|\d{2}-\d{3}|\d{4}-\d{3}|\d{4} ?[A-Z]{2}|\d{4,6})`;
const LOWER_STREET = String.raw`\p{Ll}[\p{L}.-]{1,12}`;
const STREET_THEN_POSTCODE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${HOUSE},? (?:${NAME}|${LOWER_STREET})(?: (?:${NAME}|${LOWER_STREET})){0,2}|(?:${NAME}|(?:ul|al|pl)\.)(?: (?:${NAME}|${LOWER_STREET})){0,2} ${HOUSE}(?: ?(?:bis|ter)\b)?(?: [A-Z] \d{1,3})?)(?=(?:,\s?|\s*\n\s*)(?!(?:19|20)\d\d )${POSTCODE_SHAPE} \p{Lu})`,
  'gu',
);
// US military mail: "PSC 3221, Box 4417, APO AE 09021", "Unit 8201 Box 155, DPO AP 96522", "USNS Bowditch, FPO AP 96671".
const MILITARY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:(?:PSC|CMR|Unit|UNIT|OMC)\s?\d{1,5},?\s?)?(?:Box|BOX)\s?\d{1,5}|(?:USS|USNS|USCGC)\s${NAME}(?: ${NAME})?|(?:PSC|CMR|Unit|UNIT)\s?\d{1,5}),?\s?(?:APO|FPO|DPO)\s?(?:AA|AE|AP)\s?\d{5}(?:-\d{4})?`,
  'gu',
);
// "the corner of Fifth Street and Maple Avenue", "at the junction of harcourt road and elm grove", "Ecke
// Goethestraße und Lindenweg", "à l'angle de la rue Monge et de la rue Lacépède", "esquina de calle Mayor con
// Arenal": two streets after a corner word, each a street kind with its name, or a name.
const CORNER_CUE = wordAlternation([
  'corner of', 'junction of', 'intersection of', 'crossroads of', 'ecke', 'an der ecke', 'kreuzung', "à l'angle de", "à l’angle de", 'au coin de',
  "à l'angle des", 'esquina de', 'esquina', 'angolo tra', 'angolo di', 'angolo fra', "all'angolo tra", "all'angolo di", 'hoek van', 'kruising van',
  'róg', 'na rogu', 'rohu', 'köşesi',
]);
const STREET_KIND = wordAlternation([
  'street', 'st', 'st.', 'avenue', 'ave', 'ave.', 'road', 'rd', 'rd.', 'lane', 'boulevard', 'blvd', 'drive', 'way', 'place', 'grove', 'crescent', 'parkway',
  'rue', 'avenue', 'boulevard', 'bd', 'calle', 'c/', 'avenida', 'paseo', 'via', 'viale', 'corso', 'piazza', 'rua', 'straße', 'strasse', 'str.', 'weg',
  'gasse', 'allee', 'platz', 'straat', 'laan', 'gracht', 'ulica', 'ul.', 'ulice', 'caddesi', 'sokak', 'sokağı',
]);
const CORNER_STREET = String.raw`(?:(?:the|la|le|der|die|den|dem)\s)?(?:(?:${STREET_KIND})\s(?:(?:de|del|de la|du|des|di|della|do|da)\s)?${NAMES}|(?:${NAMES}|\p{Ll}[\p{L}'’-]+(?:\s\p{Ll}[\p{L}'’-]+)?|\d{1,3}(?:st|nd|rd|th|e|\.))\s(?:${STREET_KIND})(?![\p{L}])|${NAME}[\p{L}]*(?:straße|strasse|str\.|weg|gasse|allee|platz|straat|laan|gracht|gatan|gata|gate|vej|vägen|veien|katu|tie)|\d{1,3}(?:st|nd|rd|th)|${NAMES})`;
const CORNER = new RegExp(
  String.raw`(?<=(?<![\p{L}])(?:${CORNER_CUE})\s)${CORNER_STREET}\s?(?:and|&|und|et|y|con|e|en|i|ve|a|/)\s?(?:(?:de|de la|del|di)\s)?${CORNER_STREET}`,
  'gu',
);
// "P.O. Box 1234", "Postfach 10 20 30".
const PO_BOX = /\b(?:P\.? ?O\.? Box|PO Box|Post Office Box|Postfach|Boîte postale|BP|Apartado)\s?\d[\d ]{0,8}\d?\b/giu;

// An address line usually goes on with its locality: ", Victoria Island, Lagos", ", 111 21 Stockholm".
// Only comma-separated capitalised words or postcode-shaped groups are taken, at most three.
const PLACE = String.raw`\p{Lu}[\p{L}'’-]*(?![\p{L}\p{N}])`;
const PLACE_NAME = String.raw`${PLACE}(?: (?:(?:am|an|der|de|del|la|le|les|sur|sul|di|upon|on|im|nad|pod|u)\s)?${PLACE}){0,2}(?:/${PLACE})?(?: \d{1,2}(?![\p{N}]))?`;
// Unit words after a street, in any case ("apt. 17", "Appt 51", "Daire: 3").
const UNIT_WORDS = wordAlternation([
  'apt', 'apt.', 'apto', 'apto.', 'ap', 'ap.', 'appt', 'appt.', 'app', 'app.', 'apartment', 'appartement', 'apartament', 'dpto', 'dpto.', 'depto', 'depto.',
  'block', 'blk', 'blk.', 'bloco', 'bloque', 'suite', 'ste', 'ste.', 'unit', 'flat', 'floor', 'fl.', 'room', 'rm', 'rm.', 'whg', 'whg.', 'bât', 'bât.',
  'stiege', 'tür', 'top', 'int', 'int.', 'scala', 'piano', 'piso', 'puerta', 'bus', 'huis', 'daire', 'kat', 'lok.', 'lokal', 'm.', 'mieszkanie', 'byt', 'kv.', 'кв.',
]);
const TAIL_UNIT = String.raw`(?:${UNIT_WORDS}|#)(?![\p{L}])[:.]?\s?[\p{L}\d-]{1,6}|\d{1,2}(?:\.|º|ª|e|er|st|nd|rd|th)? ?(?:OG|Stock|étage|etage|piso|planta|piano|floor|verdieping|izq\.?|dcha\.?|[A-Z](?![\p{L}]))|\d{1,2}\.?[º°ª](?: ?(?:[A-Z](?![\p{L}])|(?:Esq|esq|Dto|dto|Dt|dt|Dir|dir|Izq|izq|Izda|izda|Dcha|dcha)\.?))?|bis|ter`;
const TAIL_POSTCODE = String.raw`(?:[A-Z]{1,2}-)?(?:\d{5}-\d{3}|\d{3} ?\d{2}|\d{4}-\d{3}|\d{2}-\d{3}|\d{4} ?[A-Z]{2}(?![\p{L}])|\d{4,6}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})`;
// After a comma the tail goes on (a word before a number or a colon is the next field's label:
// ", Telefon 030 …"); on a new line only a line that is nothing but a unit, postcode,
// place or country ("Phone: …" and "Dear …," are not).
// A state after its city may follow a dash ("São Paulo - SP"); a postcode may stand alone at the end.
// A hamlet or district named by its kind: "lieu-dit Kerbiquet", "Ortsteil Hohenfelde", "frazione Colle".
const DISTRICT = String.raw`(?:${wordAlternation(['lieu-dit', 'ortsteil', 'ot', 'frazione', 'fraz.', 'località', 'loc.', 'bairro', 'barrio', 'colonia', 'col.', 'mahallesi', 'mah.'])}) ${PLACE_NAME}`;
const TAIL_PART = String.raw`${TAIL_UNIT}|${DISTRICT}|(?:${TAIL_POSTCODE} )?${PLACE_NAME}(?:(?: [-–])? [A-Z]{2}(?![\p{L}\p{N}]))?(?: ${TAIL_POSTCODE}(?![\p{N}]))?|${TAIL_POSTCODE}(?=[.;]?[ \t]*(?:$|\n))`;
// "… 9 in 53111 Bonn": a postcode and place joined by a preposition; "… 1508 - Consolação": a district after a dash.
const JOINED = String.raw`[ \t](?:in|à|en|a|w|v|i)[ \t]${TAIL_POSTCODE} ${PLACE_NAME}|[ \t][-–][ \t]${PLACE_NAME}(?=[ \t]*(?:[,\n]|$))`;
// One part of the tail at a time (a repeated group of this size takes seconds to compile).
const LOCALITY = new RegExp(String.raw`^(?:,\s?(?:${TAIL_PART})(?!\s*[:(+\d])|${JOINED}|[ \t]*\n\s*(?:${TAIL_PART})(?=[ \t]*(?:\n|$)))`, 'u');
// A street written in lowercase goes on with a lowercase place only up to a postcode ("…, st albans al3 4hs",
// "…, brunswick vic 3056"): without one, lowercase words after a comma are as likely the next clause.
const LOWER_PLACE = String.raw`\p{Ll}[\p{L}'’.-]+(?: \p{Ll}[\p{L}'’.-]+){0,2}`;
const LOWER_LOCALITY = new RegExp(
  String.raw`^,\s?${LOWER_PLACE} (?:\d{4,5}|\d{3} ?\d{2}|[a-z]{1,2}\d[a-z\d]? ?\d[abd-hjlnp-uw-z]{2})(?![\p{L}\p{N}])`,
  'u',
);

// A place after a locality label: "Ort Graz", "City: Leeds", "woonplaats Zwolle".
const LABELLED_PLACE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:${caseless('city|town|locality')})\s*:|(?:${caseless('ort|wohnort|ville|localité|ciudad|localidad|città|comune|località|plaats|woonplaats|cidade|miasto|miejscowość|obec|város|ort')})(?:\s*:)?)\s*(${PLACE_NAME})`,
  'gu',
);

// A hamlet or district with its postcode and place is an address line without a street: "lieu-dit Kerbiquet, 29870 …".
const DISTRICT_LINE = new RegExp(String.raw`(?<![\p{L}])${DISTRICT}(?=,?\s${TAIL_POSTCODE} \p{Lu})`, 'gu');

// The value of an address field, up to the end of its line or the next field's label (", telefon: …"): "Adres: Atatürk Mah. … 06420 Çankaya/Ankara",
// "地址：上海市…". Not an e-mail, IP or web address ("E-Mail-Adresse:", "IP address:").
const ADDRESS_LABEL = wordAlternation([
  'address', 'home address', 'postal address', 'shipping address', 'delivery address', 'billing address', 'mailing address', 'adresse', 'anschrift',
  'wohnadresse', 'lieferadresse', 'postanschrift', 'adresse postale', 'adresse de livraison', 'dirección', 'direccion', 'domicilio', 'indirizzo',
  'adres', 'adresim', 'adresa', 'adressen', 'osoite', 'aadress', 'cím', 'lakcím', 'morada', 'endereço', 'адрес', 'адреса', 'διεύθυνση',
]);
const ADDRESS_LABEL_ONLY = new RegExp(String.raw`^(?:${ADDRESS_LABEL})\.?$`, 'u');

/** "Anschrift", "Adres": the label of an address field names no place (the model sometimes tags it with its value). */
export function isAddressLabel(s: string): boolean {
  return ADDRESS_LABEL_ONLY.test(s.trim());
}
// A full stop after one of these ends an abbreviation in the address, not its sentence.
const ABBREVIATION = wordAlternation(['st', 'rd', 'dr', 'ave', 'av', 'blvd', 'ln', 'ct', 'no', 'nr', 'apt', 'ste', 'mah', 'sok', 'cad', 'sk', 'str', 'ul', 'al', 'pl', 'bd', 'mt', 'ft']);
const ADDRESS_FIELD = new RegExp(
  String.raw`(?<![\p{L}\p{N}@.-])(?<!(?:${caseless('e-?mail|ip|mac|web|wallet|bitcoin|btc|eth|ethereum|crypto|contract|server|return|reply-to')})[ -]?)(?:${ADDRESS_LABEL})[ \t]*[:：][ \t]*([^\n|\t]{4,120}?)(?=[ \t]*(?:$|\n|\||\t|(?<!(?:^|[\s.])(?:${ABBREVIATION}))[.!?;][ \t]+\p{Lu}|,[ \t]*\p{L}[\p{L}\p{M} .'’-]{0,25}[:：]))`,
  'gu',
);
// An ideographic comma or full stop ends the address: "…12階、電話は…" goes on with the next item.
const CJK_ADDRESS_FIELD = /(?:住所|地址|주소|送货地址|收货地址|お届け先|届け先)[ \t]*[:：]?[ \t]*([^\n\t　、。，]{4,80})/gu;
// Japan: "〒150-0043 東京都渋谷区道玄坂1-12-5 グランドメゾン302" — the postcode mark starts the address, which runs to the line's end.
const JP_POSTAL = /〒[ \t]?\d{3}-?\d{4}[^\n\t　、。]{0,80}/gu;
// China and Korea: a road and its number after the city and district, with building, floor and room
// ("…漕溪北路88号3号楼1202室", "서울특별시 마포구 월드컵북로 396, 101동 1203호").
const CN_ADDRESS = /(?:[\p{sc=Han}]{1,8}(?:省|市|区|县|州|镇))*[\p{sc=Han}\d]{1,12}(?:路|街|道|巷|弄|胡同|大街)\d{1,5}(?:-\d{1,4})?号(?:\d{1,4}(?:号楼|栋|幢|单元|层|楼|室|号))*/gu;
const KR_ADDRESS =
  /(?:[\p{sc=Hangul}]{1,10}(?:특별시|광역시|시|도) )?(?:[\p{sc=Hangul}]{1,10}(?:구|군|시) )*[\p{sc=Hangul}\d]{1,12}(?:로|길) \d{1,5}(?:-\d{1,4})?(?:,? ?\d{1,4}동)?(?: ?\d{1,5}호)?/gu;

/** A name and a number are an address only when a street type or a street prefix says so. */
function hasStreetWord(match: string): boolean {
  return new RegExp(String.raw`(?:^|\s)${STREET_WORD}(?:\s|$)|^(?:ul|al|pl|os|vul|вул|ул|пр|пл)\.|^(?:Οδός|οδός|Οδ\.|Λεωφόρος|Λεωφ\.|Πλατεία|улица|проспект|вулиця|площа) `, 'u').test(match);
}

function withLocality(text: string, span: Span): Span {
  let end = span.end;
  for (let part = 0; part < 4; part++) {
    const tail = LOCALITY.exec(text.slice(end, end + 80));
    if (!tail) break;
    end += tail[0].length;
  }
  if (end === span.end && !/\p{Lu}/u.test(text.slice(span.start, span.end))) end += LOWER_LOCALITY.exec(text.slice(end, end + 80))?.[0].length ?? 0;
  return { ...span, end };
}

export function addressSpans(text: string): Span[] {
  return [EN_LOWER_STREET, COMPOUND_STREET, LOWER_COMPOUND_STREET, DE_MULTI, ROMANCE_PREFIX, ROMANCE_SUFFIX, PO_BOX, WORDED_STREET_AFTER, STREET_THEN_POSTCODE, MILITARY]
    .flatMap((re) => matchSpans(text, re, 'ADDRESS', (m) => /\d/.test(m[0])))
    .concat(
      matchSpans(text, EN_STREET, 'ADDRESS'),
      matchSpans(text, WORDED_STREET, 'ADDRESS', (m) => hasStreetWord(m[0])),
      matchSpans(text, CORNER, 'ADDRESS'),
      matchSpans(text, DISTRICT_LINE, 'ADDRESS'),
    )
    .map((s) => withLocality(text, s))
    .concat(
      matchSpans(text, ADDRESS_FIELD, 'ADDRESS', (m) => /\d/.test(m[1]!), 1),
      matchSpans(text, CJK_ADDRESS_FIELD, 'ADDRESS', (m) => /\d/.test(m[1]!), 1),
      matchSpans(text, JP_POSTAL, 'ADDRESS'),
      matchSpans(text, CN_ADDRESS, 'ADDRESS'),
      matchSpans(text, KR_ADDRESS, 'ADDRESS'),
      matchSpans(text, ARABIC_STREET, 'ADDRESS'),
    )
    .concat(matchSpans(text, LABELLED_PLACE, 'LOCATION', () => true, 1));
}
