// Address tails, postcodes, places and dates of birth on text the rules were not written against
// (issue #13, fifth round), one test per failure kind, with invented values.
import { describe, expect, it } from 'vitest';
import { anonymizeRulesOnly } from '../../../utils/anonymize/index';
import { addressSpans } from '../../../utils/anonymize/rules/address';
import { birthDateSpans } from '../../../utils/anonymize/rules/birth-date';
import { postcodeSpans } from '../../../utils/anonymize/rules/postcode';
import { residenceSpans } from '../../../utils/anonymize/rules/residence';
import type { Rule } from '../../../utils/anonymize/types';
import { found } from '../support/rule-spans';

const distinct = (rule: Rule, text: string): string[] => [...new Set(found(rule, text))];
const typed = (rule: Rule, text: string): string[] => rule(text).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

describe('address tails', () => {
  it.each([
    ['A morada é Rua das Flores 88, 3.º Dto., 4050-262 Porto, obrigado', 'Rua das Flores 88, 3.º Dto., 4050-262 Porto'],
    ['24 rue Victor Hugo, appt 5, 31000 Toulouse', '24 rue Victor Hugo, appt 5, 31000 Toulouse'],
    ['Ich wohne in der Lindenstraße 4 in 04109 Leipzig.', 'Lindenstraße 4 in 04109 Leipzig'],
    ['Rua Oscar Freire, 900, apto 12 - Jardins\nSão Paulo - SP', 'Rua Oscar Freire, 900, apto 12 - Jardins\nSão Paulo - SP'],
    ['Nispetiye Cad. No: 12 D: 4, Etiler, 34337 Beşiktaş/İstanbul', 'Nispetiye Cad. No: 12 D: 4, Etiler, 34337 Beşiktaş/İstanbul'],
    ['La Vieille Ferme, lieu-dit Penhoat, 29200 Brest', 'lieu-dit Penhoat, 29200 Brest'],
  ])('unit, district, postcode and place: %j', (text, address) => {
    expect(distinct(addressSpans, text)).toContain(address);
  });
  it('goes on with a lowercase place only up to a postcode when the street is written in lowercase', () => {
    expect(distinct(addressSpans, 'pick up from 9 wattle st, fitzroy vic 3065, text me')).toContain('9 wattle st, fitzroy vic 3065');
    expect(distinct(addressSpans, 'send to 12 primrose lane, bath ba1 2xy thx')).toContain('12 primrose lane, bath ba1 2xy');
    expect(distinct(addressSpans, 'drop it at 9 wattle st, see you then')).toEqual(['9 wattle st']);
  });
  it('leaves a dash note after a street and lowercase measures alone', () => {
    expect(distinct(addressSpans, 'Hauptstraße 5 - Bitte klingeln')).toEqual(['Hauptstraße 5']);
    expect(distinct(addressSpans, 'a 3 lane road, 5 miles down the road, 3 more days on the road')).toEqual([]);
  });
  it('takes a house number said in words in a transcript', () => {
    expect(distinct(addressSpans, 'Customer: sixteen Maple Avenue.')).toEqual(['sixteen Maple Avenue']);
  });
});

describe('street corners in several languages and either case', () => {
  it.each([
    ['at the corner of 5th street and pine avenue tonight', '5th street and pine avenue'],
    ['Treffpunkt Ecke Goethestraße und Lindenweg', 'Goethestraße und Lindenweg'],
    ["à l'angle de la rue Monge et de la rue Lacépède", 'la rue Monge et de la rue Lacépède'],
    ['en la esquina de calle Mayor con Arenal', 'calle Mayor con Arenal'],
    ['on the corner of Main and 3rd', 'Main and 3rd'],
  ])('%j', (text, corner) => {
    expect(distinct(addressSpans, text)).toEqual([corner]);
  });
  it('leaves corners that are no streets alone', () => {
    expect(distinct(addressSpans, 'the corner of the table and the wall, the corner of my eye and the wall')).toEqual([]);
  });
});

describe('address fields and addresses in other scripts', () => {
  it('takes the value of an address field to the end of its line', () => {
    expect(distinct(addressSpans, 'Adres: Atatürk Mah. Gül Sok. No:7 Daire:3, 06420 Çankaya/Ankara\nCep: 1')).toContain(
      'Atatürk Mah. Gül Sok. No:7 Daire:3, 06420 Çankaya/Ankara',
    );
    expect(distinct(addressSpans, 'Address: 12 High Street, Leeds LS1 4AB. Please ring the bell twice.')).toEqual(['12 High Street, Leeds LS1 4AB']);
  });
  it('leaves e-mail, IP and number-less address fields alone', () => {
    expect(distinct(addressSpans, 'E-Mail-Adresse: a@b.de\nIP address: 10.0.0.1\nAddress: see below')).toEqual([]);
  });
  it.each([
    ['地址：北京市朝阳区建国路88号2号楼1502室', '北京市朝阳区建国路88号2号楼1502室'],
    ['お届け先：〒160-0022 東京都新宿区新宿3-1-1 メゾン101\n電話', '〒160-0022 東京都新宿区新宿3-1-1 メゾン101'],
    ['고객님, 부산광역시 해운대구 해운대로 570, 102동 803호로 배송', '부산광역시 해운대구 해운대로 570, 102동 803호'],
  ])('%j', (text, address) => {
    expect(distinct(addressSpans, text)).toContain(address);
  });
});

describe('postcodes by their label, near it or in the answer to it', () => {
  it.each([
    ['ce cod poștal ai? îți trimit coletul mâine\n400112 👍', '400112'],
    ['hey whats ur postcode for the delivery\nbs8 1tz cheers', 'bs8 1tz'],
    ['My Eircode is A65 F4E2.', 'A65 F4E2'],
    ['Bitte Postleitzahl eingeben: 80331  ✔ ok', '80331'],
    ['my zip code is 770', '770'],
    ['PSČ: 602 00', '602 00'],
    ['irányítószám 1052', '1052'],
    ['〒530-0001', '530-0001'],
  ])('%j', (text, postcode) => {
    expect(distinct(postcodeSpans, text)).toContain(postcode);
  });
  it.each(['Biuro: 00-950 Warszawa', 'Casa: 4050-032 Porto', '602 00 Brno-střed'])('a postcode shape before its place: %j', (text) => {
    expect(distinct(postcodeSpans, text)).toEqual([text.replace(/^[^:]*: /, '')]);
  });
  it('leaves ranges before a plural noun alone', () => {
    expect(distinct(postcodeSpans, 'it took 10-200 People and 10-15 Minutes')).toEqual([]);
  });
  it('takes the city before a state and ZIP without a comma', () => {
    expect(distinct(postcodeSpans, 'ship to 1234 Elm St Apt 5B Springfield IL 62704')).toContain('Springfield IL 62704');
  });
  it('takes the whole value of a postcode field', () => {
    expect(distinct(postcodeSpans, 'Postcode + huisnummer: 1017 AB 22\nTelefoon: 1')).toContain('1017 AB 22');
  });
  it('needs a country format away from the label, and leaves years, amounts and counts alone', () => {
    expect(distinct(postcodeSpans, 'Enter your postcode to see prices. Delivery 2024 starts at 12.99')).toEqual([]);
    expect(distinct(postcodeSpans, 'zip?\nme: 2 burgers and 1500 fries')).toEqual([]);
  });
});

describe('places where someone lives or was born', () => {
  it.each([
    ['Ο Γιώργος, κάτοικος Λάρισας, απεβίωσε', 'Λάρισας'],
    ['Maja, 29 📍 Utrecht\nbaker', 'Utrecht'],
    ['Geburtsort: Bad Ischl', 'Bad Ischl'],
    ['Herr Brandt, wohnhaft in Neustadt, ist', 'Neustadt'],
  ])('%j', (text, place) => {
    expect(distinct(residenceSpans, text)).toEqual([place]);
  });
  it('leaves the label without a place alone', () => {
    expect(distinct(residenceSpans, 'place of birth is not required')).toEqual([]);
  });
});

describe('dates of birth in more languages, formats and forms', () => {
  it.each([
    ['Doğum Tarihi: 11.03.1994\nAdres: x', '11.03.1994'],
    ['tel. 600 | ur. 14.05.1987', '14.05.1987'],
    ['生年月日：1985年3月12日', '1985年3月12日'],
    ['생년월일: 1992년 11월 3일', '1992년 11월 3일'],
    ['Дата рождения: 5 января 1980 г.', '5 января 1980 г.'],
    ['Születési dátum: 1979. május 8.', '1979. május 8.'],
    ['Geburtsjahr: 1975', '1975'],
    ['Date of birth\n21/10/1966', '21/10/1966'],
    ['DOB: 03-Apr-1990', '03-Apr-1990'],
    ['DOB 04/1990', '04/1990'],
    ['Pronajímatel: Jan Dvořák, nar. 3. 2. 1971, bytem', '3. 2. 1971'],
    ['Birthday: 3 March', '3 March'],
    ['Geburtstag: 14. Mai', '14. Mai'],
    ['DOB: 1990', '1990'],
  ])('after a label: %j', (text, date) => {
    expect(distinct(birthDateSpans, text)).toEqual([date]);
  });
  it.each([
    ['Conseiller : votre date de naissance ?\nClient : le neuf mars soixante-dix-huit.\nConseiller : merci', 'neuf mars soixante-dix-huit'],
    ['Agent: Can you confirm your date of birth?\nCaller: Fourth of June, nineteen eighty-one.\nAgent: ok', 'Fourth of June, nineteen eighty-one'],
  ])('said in words in the answer to the question: %j', (text, date) => {
    expect(distinct(birthDateSpans, text)).toEqual([date]);
  });
  it('takes the place and the date of a place-and-date-of-birth field', () => {
    expect(typed(birthDateSpans, 'Doğum yeri ve tarihi: Rize, 14.07.1988\nx')).toEqual(['LOCATION:Rize', 'DATE_OF_BIRTH:14.07.1988']);
    expect(typed(birthDateSpans, 'Lieu et date de naissance : Nantes, le 3 mars 1980')).toEqual(['LOCATION:Nantes', 'DATE_OF_BIRTH:3 mars 1980']);
  });
  it('leaves dates after other questions and labels alone', () => {
    expect(distinct(birthDateSpans, 'Agent: When did the fault start?\nCaller: Fourth of June, I think.')).toEqual([]);
    expect(distinct(birthDateSpans, 'Delivery date: 5 May 2025\nYear of release: 1999\nBirthday party: 3 May 2025')).toEqual([]);
  });
  it('redacts to its own placeholder', () => {
    expect(anonymizeRulesOnly('生年月日：1985年3月12日').redacted).toBe('生年月日：[DATE_OF_BIRTH]');
  });
});
