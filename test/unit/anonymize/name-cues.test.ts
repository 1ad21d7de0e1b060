// Names and numbers recognised by the phrases around them (issue #13, fourth round), with invented values.
import { describe, expect, it } from 'vitest';
import { anonymizeRulesOnly } from '../../../utils/anonymize/index';
import { addressSpans } from '../../../utils/anonymize/rules/address';
import { employerSpans } from '../../../utils/anonymize/rules/employer';
import { idSpans } from '../../../utils/anonymize/rules/id';
import { nameHolderSpans } from '../../../utils/anonymize/rules/name-holder';
import { personContextSpans } from '../../../utils/anonymize/rules/person-context';
import { selfNamingSpans } from '../../../utils/anonymize/rules/self-naming';
import type { Rule } from '../../../utils/anonymize/types';
import { found } from '../support/rule-spans';


describe('names after an honorific or salutation with academic titles between', () => {
  it.each([
    ['Sehr geehrte Frau Dr. Lindqvist, vielen Dank', 'Lindqvist'],
    ['Guten Tag Herr Prof. Dr. Kranich,', 'Kranich'],
    ['Dear Mrs Dr Okonjo-Baptiste,', 'Okonjo-Baptiste'],
  ])('%j', (text, name) => {
    expect(found(personContextSpans, text)).toContain(name);
  });
  it('a title alone is no one', () => {
    expect(found(personContextSpans, 'Sehr geehrte Frau Dr. med.')).toEqual([]);
  });
});

describe('salutations and closings of letters in more languages', () => {
  it.each([
    ['Szanowna Pani Halina Zawadzka,\n\nuprzejmie informujemy', 'Halina Zawadzka'],
    ['Prezada Marta Quintela,\n\na sua encomenda', 'Marta Quintela'],
    ['Vážená paní Radka Holubová, děkujeme', 'Radka Holubová'],
    ['Preciso de ajuda com a fatura. Obrigada, Inês Sobral', 'Inês Sobral'],
  ])('%j', (text, name) => {
    expect(found(personContextSpans, text)).toContain(name);
  });
});

describe('names on accounts, bookings, doorbells and letters', () => {
  it.each([
    ['merci de rembourser sur mon compte au nom de Gérald Fontanet.', 'Gérald Fontanet'],
    ['bitte abbuchen, Kontoinhaber Rüdiger Pfaff.', 'Rüdiger Pfaff'],
    ["l'abbonamento intestato a Ornella Brambati, grazie", 'Ornella Brambati'],
    ['proszę o przelew na nazwisko Zdzisław Kmita', 'Zdzisław Kmita'],
    ['grab a table for 6 under Mbeki, be there at 8', 'Mbeki'],
    ['ci vediamo da me, citofono Zanardelli', 'Zanardelli'],
    ['Please send it c/o Harriet Voss, 14 Some Road', 'Harriet Voss'],
    ['z. Hd. Frau Gudrun Ebeling', 'Gudrun Ebeling'],
  ])('%j', (text, name) => {
    expect(found(nameHolderSpans, text)).toEqual([name]);
  });
  it('needs a capitalised name after the phrase', () => {
    expect(found(nameHolderSpans, 'a table for 4 under the window, on behalf of the committee')).toEqual([]);
  });
});

describe('chat messages that say who writes them', () => {
  it.each([
    ["Salut ! C'est Clémence, j'ai un nouveau numéro", 'Clémence'],
    ['Moin! Lasse hier. Hast du kurz Zeit?', 'Lasse'],
    ["Hi Sam, it's Oskar! call me back", 'Oskar'],
    ['Nkechi here, running ten minutes late', 'Nkechi'],
  ])('%j', (text, name) => {
    expect(found(selfNamingSpans, text)).toEqual([name]);
  });
  it.each(['Click here.', 'Sign up here!', "the museum? It's Tuesday, so it is closed", 'Das Büro ist Montag hier.', "C'est Noël demain"])(
    'not a page link or a sentence: %j',
    (text) => {
      expect(found(selfNamingSpans, text)).toEqual([]);
    },
  );
});

describe('names in running text and at the end of a message', () => {
  it.each([
    ['Bartosz pisze, że jutro nie może', 'Bartosz'],
    ['Kerstin skriver att hon kommer', 'Kerstin'],
    ['Proszę o zwrot. Zamówienie nr 4411. Jolanta Marczak', 'Jolanta Marczak'],
    ['thanks for the lift! /Saga', 'Saga'],
  ])('%j', (text, name) => {
    expect(found(personContextSpans, text)).toContain(name);
  });
  it('a lowercase name between a calling verb and a number in a text written without capitals', () => {
    expect(anonymizeRulesOnly('if im out call fen on 555 0142 she has a key').redacted).toBe(
      'if im out call [PERSON] on [PHONE] she has a key',
    );
    expect(anonymizeRulesOnly('call me on 555 0142 or text him at 555 0177').redacted).toBe('call me on [PHONE] or text him at [PHONE]');
  });
  it('a single capitalised word after the last sentence is no signature', () => {
    expect(found(personContextSpans, 'The parcel arrived. Thanks')).toEqual([]);
  });
});

describe('identifiers after labels', () => {
  it.each([
    ['Driver license #: QX4471993PL', 'QX4471993PL'],
    ['mon numéro client FR-77120993.', 'FR-77120993'],
    ['His VAT number is PT509912345 and', 'PT509912345'],
    ['the licence plate on the van is KM21 ZTR, thanks', 'KM21 ZTR'],
  ])('%j', (text, value) => {
    expect(found(idSpans, text)).toContain(value);
  });
});

describe('employer fields', () => {
  it.each([
    ['Employer: Northgate Veterinary Partners\nPhone: 555 0101', 'Northgate Veterinary Partners'],
    ['Arbeitgeber: Stadtwerke Ravensbühl, seit 2019', 'Stadtwerke Ravensbühl'],
  ])('the whole value is the organisation: %j', (text, org) => {
    expect(found(employerSpans, text)).toEqual([org]);
  });
  it('a lowercase value or a sentence about employers is not a field', () => {
    expect(found(employerSpans, 'Employer: none\nYour employer may contribute.')).toEqual([]);
  });
});

describe('address tails in Portuguese, Brazilian and East Asian formats', () => {
  it.each([
    ['entregue na Avenida Atlântica 2210, apto 41, Copacabana, Rio de Janeiro - RJ, 22021-001.', 'Avenida Atlântica 2210, apto 41, Copacabana, Rio de Janeiro - RJ, 22021-001'],
    ['a festa é na Rua do Ouro 45, 2º Dto., 1100-112 Lisboa hoje', 'Rua do Ouro 45, 2º Dto., 1100-112 Lisboa'],
    ['Ship to: Li Na, Room 808, Block C, 12 Harbour Avenue, Kowloon', 'Room 808, Block C, 12 Harbour Avenue, Kowloon'],
  ])('%j', (text, address) => {
    expect(found(addressSpans, text)).toContain(address);
  });
  it('a year after an address is not its postcode', () => {
    expect(found(addressSpans, 'We lived at 12 Baker Street, 2019 was a good year')).toEqual(['12 Baker Street']);
  });
});
