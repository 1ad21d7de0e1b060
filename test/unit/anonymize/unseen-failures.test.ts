// The failure kinds reported on unseen text (issue #13), one test each, with invented values.
import { describe, expect, it } from 'vitest';
import { anonymizeRulesOnly } from '../../../utils/anonymize/index';
import { withNameTails } from '../../../utils/anonymize/name-tail';
import { addressSpans } from '../../../utils/anonymize/rules/address';
import { birthDateSpans } from '../../../utils/anonymize/rules/birth-date';
import { cardSpans } from '../../../utils/anonymize/rules/card';
import { personContextSpans } from '../../../utils/anonymize/rules/person-context';
import { idSpans } from '../../../utils/anonymize/rules/id';
import { phoneSpans } from '../../../utils/anonymize/rules/phone';
import { residenceSpans } from '../../../utils/anonymize/rules/residence';
import { postcodeSpans } from '../../../utils/anonymize/rules/postcode';
import type { Rule } from '../../../utils/anonymize/types';
import { found } from '../support/rule-spans';


describe('numbers that only their label identifies', () => {
  it.each([
    ['paid with my card 4716 2039 5518 2270 yesterday', '4716 2039 5518 2270'],
    ['card # 5412 8830 1947 6602 exp 09/27', '5412 8830 1947 6602'],
    ['full card number: 379214855320147', '379214855320147'],
    ['Kartennummer: 4532 7781 2093 4415, gültig bis 11/26', '4532 7781 2093 4415'],
    ['numéro de carte 5131 0429 8861 7734', '5131 0429 8861 7734'],
  ])('a card number that fails Luhn after a card label: %j', (text, value) => {
    expect(found(cardSpans, text)).toEqual([value]);
  });
  it('leaves numbers of things after their label alone', () => {
    expect(found(idSpans, 'Artikelnummer: 448-2219, Bestellnummer: 55102, Telefonnummer: 0301234567')).toEqual([]);
  });
  it('still needs Luhn without a label', () => {
    expect(found(cardSpans, 'order 4716 2039 5518 2270 is late')).toEqual([]);
  });
  it.each([
    ["my driver's license number is 4471023", '4471023'],
    ['Driving licence no. WOODH 802157 AB9', 'WOODH 802157 AB9'],
    ['Führerscheinnummer B072RRE2I55', 'B072RRE2I55'],
    ['Reisepassnummer C01X00T47', 'C01X00T47'],
    ['n° de passeport 19AB45821', '19AB45821'],
    ['número de pasaporte PAA512347', 'PAA512347'],
    ['account no. 00418827731', '00418827731'],
    ['rijbewijsnummer 5521904417', '5521904417'],
    ['Versichertennummer: M438291076', 'M438291076'],
    ["I've attached my passport scan (no. 548203917) and the lease", '548203917'],
    ['N° de sécurité sociale : 2 71 04 13 055 218 62', '2 71 04 13 055 218 62'],
    ['Vehicle reg: LM21 XPA', 'LM21 XPA'],
    ['Kennzeichen: HH-KL 2204', 'HH-KL 2204'],
  ])('licence, passport and account numbers after their label: %j', (text, value) => {
    expect(found(idSpans, text)).toContain(value);
  });
  it.each([
    ['my zip code is 770 if that matters', '770'],
    ['PLZ 8010, Ort Graz', '8010'],
    ['code postal 13008', '13008'],
    ['código postal 46021', '46021'],
  ])('postcodes after their label, whatever their shape: %j', (text, value) => {
    expect(found(postcodeSpans, text)).toContain(value);
  });
});

describe('phone numbers', () => {
  it('takes a national number after a verb of calling, even grouped like thousands', () => {
    expect(found(phoneSpans, 'nobody picks up at 64 318 207 anymore')).toEqual(['64 318 207']);
    expect(found(phoneSpans, 'Call 50 086 980.')).toEqual(['50 086 980']);
    expect(found(phoneSpans, 'the city has 1 234 567 inhabitants')).toEqual([]);
  });
  it('takes every number of a contact list, with extensions', () => {
    expect(found(phoneSpans, 'Mobile: +44 7911 204 388 Desk: +33 (0)1 48 27 60 15 Fax: 617-302-4419x208')).toEqual([
      '+44 7911 204 388', '+33 (0)1 48 27 60 15', '617-302-4419x208',
    ]);
    expect(found(phoneSpans, 'office (312) 555-0148 x42, cell (312) 555-0171')).toEqual(['(312) 555-0148 x42', '(312) 555-0171']);
    expect(found(phoneSpans, 'Tel 020 7946 0321 / Fax 020 7946 0322 / Mobile 07700 900 871')).toHaveLength(3);
  });
  it('takes UK mobiles written +447700 900 123 and numbers glued to punctuation', () => {
    expect(found(phoneSpans, 'phones: +447700 900 214, +447700 900 215 and +447700 900 216')).toEqual([
      '+447700 900 214', '+447700 900 215', '+447700 900 216',
    ]);
    expect(found(phoneSpans, 'Contact\\,+447700 900 739-Fax +447700 900 740')).toEqual(['+447700 900 739', '+447700 900 740']);
    expect(found(phoneSpans, 'T:+31 10 412 9920|M:+31 6 2019 4472')).toEqual(['+31 10 412 9920', '+31 6 2019 4472']);
    expect(found(phoneSpans, 'cell:202.555.0177;home:202.555.0112')).toEqual(['202.555.0177', '202.555.0112']);
  });
  it('takes an international number whose digits are not in an allocated range', () => {
    expect(found(phoneSpans, 'or +1-573-072-3647.')).toEqual(['+1-573-072-3647']);
    expect(found(phoneSpans, 'Meeting at 10:30 on 12.05.2024, +25 points')).toEqual([]);
  });
});

describe('dates of birth', () => {
  it.each([
    ['born 9 May 1961 in a small town', '9 May 1961'],
    ['date of birth 17.02.1984', '17.02.1984'],
    ['DOB: 1990-07-30', '1990-07-30'],
    ['Harriet Vane (born 2 April 1948) is a novelist', '2 April 1948'],
    ['I was born on the 3rd of October 1985', 'the 3rd of October 1985'],
    ['Birthday: March 22nd, 1999', 'March 22nd, 1999'],
    ['DOB 6/14/88 age 36', '6/14/88'],
    ['Date of Birth\tJan 6, 1994', 'Jan 6, 1994'],
    ['geb. am 14. März 1952', '14. März 1952'],
    ['né le 21 juin 1977', '21 juin 1977'],
    ['nacido el 7 de agosto de 1964', '7 de agosto de 1964'],
    ['nata il 3 settembre 1990', '3 settembre 1990'],
    ['geboren op 19 februari 1988', '19 februari 1988'],
    ['data urodzenia 15.07.1983', '15.07.1983'],
    ['Evelyn Carter (March 3, 1931 – November 18, 2024) passed away', 'March 3, 1931'],
    ['unser Vater Heinrich, * 4. Juni 1940, † 2. Februar 2025', '4. Juni 1940'],
    ['nació en Cáceres el 4 de julio de 1931 y trabajó', '4 de julio de 1931'],
    ['nata a Bari il 6 dicembre 1992', '6 dicembre 1992'],
    ['urodziła się 8 października 1940 r. w Lwowie', '8 października 1940 r.'],
    ['se narodil 27. 6. 1944 v Olomouci', '27. 6. 1944'],
    ['Mein Opa ist am 12. März 1936 in Königsberg geboren', '12. März 1936'],
    ['Ma sœur, née en 1997, habite à Lyon', '1997'],
  ])('%j', (text, value) => {
    expect(found(birthDateSpans, text)).toEqual([value]);
  });
  it('leaves other dates alone', () => {
    expect(found(birthDateSpans, 'Please respond by 15.04.2025. The birthday party is on 3 May 2025.')).toEqual([]);
    expect(found(birthDateSpans, 'Born in Leeds. We met on 3 May 2025 and am 4. Juni 2025 ist Feier.')).toEqual([]);
    expect(found(birthDateSpans, 'Born to run came out in 1975; worked there (2019 – 2021)')).toEqual([]);
  });
  it('is its own placeholder type', () => {
    expect(anonymizeRulesOnly('DOB: 1990-07-30').redacted).toBe('DOB: [DATE_OF_BIRTH]');
  });
});

describe('addresses through their tail', () => {
  it.each([
    ['I live at 482 Oakridge Avenue, Suite 204, Columbus, OH 43215', '482 Oakridge Avenue, Suite 204, Columbus, OH 43215'],
    ['send it to 77 Harbour Street, apt. 17, Portsmouth PO1 3DQ, United Kingdom', '77 Harbour Street, apt. 17, Portsmouth PO1 3DQ, United Kingdom'],
    ['Lindenweg 9, 3. OG, 4051 Basel, Schweiz', 'Lindenweg 9, 3. OG, 4051 Basel, Schweiz'],
    ['Calle Mayor 7, 2º A, 50001 Zaragoza, España', 'Calle Mayor 7, 2º A, 50001 Zaragoza, España'],
    ['Oudegracht 210 bis, 3511 NT Utrecht, Nederland', 'Oudegracht 210 bis, 3511 NT Utrecht, Nederland'],
    ['Mainauer Straße 11\nApp. 12\n19284 Geringswalde\nDeutschland\nPhone: 0', 'Mainauer Straße 11\nApp. 12\n19284 Geringswalde\nDeutschland'],
  ])('unit, postcode, locality and country: %j', (text, address) => {
    expect(found(addressSpans, text)).toContain(address);
  });
  it('stops before the next line of a form or letter', () => {
    expect(found(addressSpans, 'Address: 995 Wilders Plads, DK-6470 Løkken\nPhone: 9677 2430')).toContain('995 Wilders Plads, DK-6470 Løkken');
    expect(found(addressSpans, '94 Moselundsvej\nDK-2301 Børkop\n\nDear Vigge,').join('|')).not.toContain('Dear');
    expect(found(addressSpans, 'Kastanienallee 17, 10435 Berlin, Telefon 030 44 31 98 72')).toContain('Kastanienallee 17, 10435 Berlin');
    expect(found(addressSpans, 'Kastanienallee 17, 10435 Berlin, Telefon 030 44 31 98 72').join('|')).not.toContain('Telefon');
  });
  it.each(['PSC 3221, Box 4417, APO AE 09021', 'Unit 8201 Box 155, DPO AP 96522', 'USNS Bowditch, FPO AP 96671', 'CMR 416 Box 72, APO AE 09140'])(
    'military address %j',
    (text) => {
      expect(found(addressSpans, `mail it to ${text} please`)).toContain(text);
    },
  );
  it.each([
    ['Minu aadress on Tamme 12, 10145 Tallinn', 'Tamme 12, 10145 Tallinn'],
    ['kontor: Pärnu maantee 31, 10119 Tallinn, Eesti', 'Pärnu maantee 31, 10119 Tallinn, Eesti'],
    ['bor i Bygdøy allé 58, 0265 Oslo', 'Bygdøy allé 58, 0265 Oslo'],
    ['Η διεύθυνσή μου είναι Οδός Ερμού 47, 105 63 Αθήνα', 'Οδός Ερμού 47, 105 63 Αθήνα'],
    ['Vinohradská 48, 120 00 Praha 2', 'Vinohradská 48, 120 00 Praha 2'],
    ['ul. Piotrkowska 104/6, 90-006 Łódź', 'ul. Piotrkowska 104/6, 90-006 Łódź'],
    ['Die Lieferung an Kopenhagener Straße 53 kam nicht an', 'Kopenhagener Straße 53'],
    ['Váci utca 19 is closed', 'Váci utca 19'],
  ])('streets in other languages and scripts, number after the name: %j', (text, address) => {
    expect(found(addressSpans, text)).toContain(address);
  });
  it('takes a street corner', () => {
    expect(found(addressSpans, 'meet me at the corner of Fifth Street and Maple Avenue')).toEqual(['Fifth Street and Maple Avenue']);
  });
  it('leaves chapters, pages and years alone', () => {
    expect(found(addressSpans, 'Chapter 12, 2024 Edition; I was on page 12, 3 items left')).toEqual([]);
  });
  it('takes a place after a locality label', () => {
    expect(found(addressSpans, 'PLZ 8010, Ort Graz')).toEqual(['Graz']);
    expect(found(addressSpans, 'the city is nice')).toEqual([]);
  });
});

describe('names the context identifies', () => {
  it.each([
    ['We adopted a puppy named Bruno and a cat named Maple', ['Bruno', 'Maple']],
    ['my son Oskar starts school in September', ['Oskar']],
    ['meine Tochter Zuzana hat ihr Handy verloren', ['Zuzana']],
    ['"Don\'t touch that," Ingrid said.', ['Ingrid']],
    ['"Where were you?" asked Tobias.', ['Tobias']],
    ['Hamid: "I\'ll be there at eight."', ['Hamid']],
    ['leave me a voicemail, Benedikt', ['Benedikt']],
    ['Leave me alone, Radu!', ['Radu']],
    ['Mit freundlichen Grüßen\nNicola Gensch', ['Nicola Gensch']],
    ['Buenos días, soy Sandra Merino y el pedido no ha llegado', ['Sandra Merino']],
    ['Over mij: ik ben Pieter Janssens, geboren op 5 maart 1979', ['Pieter Janssens']],
    ['Kontoinhaber: Mette Brand, IBAN folgt', ['Mette Brand']],
    ['Chevy Mailhot, né le 15 août 1993 à Carpentras', ['Chevy Mailhot']],
    ['Ask for Władysław Błaszczykowski at the desk', ['Władysław Błaszczykowski']],
    ['Bürgermeisterin Annegret Voss-Kuhl sprach', ['Annegret Voss-Kuhl']],
    ['Penningmeester Joris Smits licht de begroting toe', ['Joris Smits']],
    ['Presidente: avv. Carla Manzoni', ['Carla Manzoni']],
    ['Vendesi Fiat Panda. Chiamare Dario Pellegrini 347 552 1190', ['Dario Pellegrini']],
    ['Message Tilly 07912 554 210 after six', ['Tilly']],
    ['Com os melhores cumprimentos,\nBeatriz Lobo', ['Beatriz Lobo']],
    ['Gentile dott.ssa Ferraro, le scrivo', ['Ferraro']],
    ['talked to mrs Oduya next door', ['Oduya']],
    ['Můj děda Bohumil Kratochvíl se narodil v Brně', ['Bohumil Kratochvíl']],
    ['Nuestra vecina Remedios nos cuida al perro', ['Remedios']],
    ['Kommentar von Heike: Bei uns ist die Laterne kaputt', ['Heike']],
    ['Dzień dobry, nazywam się Marta Wilk i piszę w sprawie faktury', ['Marta Wilk']],
    ['Dobrý den, jmenuji se Pavel Hrubý.', ['Pavel Hrubý']],
    ['Bună seara, mă numesc Ioana Radu.', ['Ioana Radu']],
    ['Merhaba, benim adım Kerem Aydın.', ['Kerem Aydın']],
    ['Odbiór w Sopocie, Grażyna, tel. 601 202 303', ['Grażyna']],
    ['Kinderbett abzugeben. Jörg Wendt – Mobil: 0171 2233445', ['Jörg Wendt']],
  ])('%j', (text, names) => {
    expect([...new Set(found(personContextSpans, text))]).toEqual(names);
  });
  it('does not take a headline or a service for a name after a title or a contact verb', () => {
    expect(found(personContextSpans, 'Teacher Appreciation Week Gift Ideas For Every Budget')).toEqual([]);
    expect(found(personContextSpans, 'Contact Us on 0800 123 456 or Call Customer Service, or text Support.')).toEqual([]);
    expect(found(personContextSpans, 'Hotel Seeblick, Tel. 08022 1234, Zimmer ab 90 €')).toEqual([]);
  });
  it('does not take a place after a comma for a vocative', () => {
    expect(found(personContextSpans, 'I live in Croydon, London.')).toEqual([]);
  });
  it('takes the surname left behind after a given name', () => {
    const text = 'Jana Nováková-Dvořák, Mitchells & Butler';
    const spans = withNameTails(text, [{ type: 'PERSON', start: 0, end: 4, source: 'model' }]);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Jana Nováková-Dvořák']);
    const both = 'Mihály Szőke and Dóra are coming';
    expect(withNameTails(both, [{ type: 'PERSON', start: 0, end: 12, source: 'model' }]).map((s) => both.slice(s.start, s.end))).toEqual(['Mihály Szőke', 'Dóra']);
    expect(anonymizeRulesOnly('Ask Mr Szőke and Dóra Kiss are coming').redacted).toBe('Ask Mr [PERSON] and [PERSON] are coming');
    const lower = 'jan de boer and piet are on the list';
    expect(withNameTails(lower, [{ type: 'PERSON', start: 0, end: 11, source: 'model' }]).map((s) => lower.slice(s.start, s.end))).toEqual(['jan de boer', 'piet']);
    const cased = 'Ask Anna and bring the keys';
    expect(withNameTails(cased, [{ type: 'PERSON', start: 4, end: 8, source: 'model' }])[0]!.end).toBe(8);
    const monday = 'Anna Monday';
    expect(withNameTails(monday, [{ type: 'PERSON', start: 0, end: 4, source: 'model' }])[0]!.end).toBe(4);
  });
});

describe('where a person lives or was born', () => {
  it.each([
    ['y vivo en Zaragoza desde hace diez años', 'Zaragoza'],
    ['geboren op 5 maart 1979 in Gent, en ik', 'Gent'],
    ['Jag heter Elin och bor i Umeå.', 'Umeå'],
    ['ich wohne in Bad Tölz', 'Bad Tölz'],
    ["I'm from Novi Sad originally", 'Novi Sad'],
    ['Ich bin Dragan aus Novi Sad, ich habe ein Problem', 'Novi Sad'],
    ['Mi abuelo nació en Cáceres el 4 de julio de 1931', 'Cáceres'],
    ['Moja babcia urodziła się 8 października 1940 r. w Lwowie.', 'Lwowie'],
    ['Můj děda se narodil 27. 6. 1944 v Olomouci.', 'Olomouci'],
    ['Kommentar von Anke aus Herne: die Ampel ist wieder aus', 'Herne'],
    ['Meine Oma ist 1950 nach Kiel gezogen.', 'Kiel'],
    ['Wir sind letztes Jahr umgezogen nach Gera.', 'Gera'],
    ['Vendo divano angolare, visibile a Lodi, ore serali.', 'Lodi'],
    ['Sprzedam fotel, odbiór osobisty Tczew.', 'Tczew'],
    ['Barnsäng säljes, hämtas i Lund.', 'Lund'],
  ])('%j', (text, place) => {
    expect(found(residenceSpans, text)).toEqual([place]);
  });
  it('leaves places in the news alone', () => {
    expect(found(residenceSpans, 'The 2024 Olympics were held in Paris.')).toEqual([]);
    expect(found(residenceSpans, 'Der Zug fährt nach Hamburg und kommt um acht an.')).toEqual([]);
  });
});

describe('handles in a byline', () => {
  it('takes a lowercase or numbered handle after "Posted by", not a capitalised name', () => {
    expect(found(idSpans, 'Posted by dan_the_van » Tue Mar 11')).toEqual(['dan_the_van']);
    expect(found(idSpans, 'Posted by John Smith')).toEqual([]);
  });
});
