// Rule kinds read off the frontdesk corpus's failures (issue #13, sixth round), one test per kind, with
// invented values and the hard negatives that must stay.
import { describe, expect, it } from 'vitest';
import { addressSpans } from '../../../utils/anonymize/rules/address';
import { birthDateSpans } from '../../../utils/anonymize/rules/birth-date';
import { idSpans } from '../../../utils/anonymize/rules/id';
import { phoneSpans } from '../../../utils/anonymize/rules/phone';
import { postcodeSpans } from '../../../utils/anonymize/rules/postcode';
import { found } from '../support/rule-spans';

const distinct = (rule: Parameters<typeof found>[0], text: string): string[] => [...new Set(found(rule, text))];

describe('dates of birth after labels and verbs in more languages and scripts', () => {
  it.each([
    ['ΗΜ. ΓΕΝΝΗΣΗΣ: 05/08/1966', '05/08/1966'],
    ['ημ. γεννησης: 11/02/1971', '11/02/1971'],
    ['Meno: Jana Nová, dátum narodenia: 4. 3. 1969, adresa: …', '4. 3. 1969'],
    ['min son Olle föddes 2019-04-11 på BB Sophia', '2019-04-11'],
    ['تاريخ الميلاد: 1988/02/14', '1988/02/14'],
    ['תאריך לידה: 03.07.1990', '03.07.1990'],
    ['जन्म तिथि: 11/09/1979, आधार संख्या', '11/09/1979'],
    ['Ngày sinh: 21/04/1992', '21/04/1992'],
    ['Tanggal lahir: 30-06-1985', '30-06-1985'],
    ['дата народження: 3 березня 1975 р., ПІБ', '3 березня 1975 р.'],
    ['Дата рождения: 14.05.1983 г.', '14.05.1983 г.'],
    ['data urodzenia: 12 maja 1990 r.', '12 maja 1990 r.'],
  ])('%j', (text, date) => {
    expect(distinct(birthDateSpans, text)).toContain(date);
  });
  it('leaves dates after other labels, and a year mark after a date no birth word precedes', () => {
    expect(found(birthDateSpans, 'Дата заказа: 14.05.2023 г.')).toEqual([]);
    expect(found(birthDateSpans, 'تاريخ الطلب: 2024/01/09')).toEqual([]);
    expect(found(birthDateSpans, 'ΗΜ. ΑΠΟΣΤΟΛΗΣ: 05/08/2024')).toEqual([]);
  });
});

describe('identifiers after labels not read before', () => {
  it.each([
    ['Customer called re: billing. Acct# 9911223344, callback later', '9911223344'],
    ['PPS no. on file: 7654321XA. Call to change.', '7654321XA'],
    ['Name of applicant: A. B.\nVoter ID: KLM4455667\nPin code: …', 'KLM4455667'],
    ['passport Z1234567, SEVIS ID N0098765432', 'N0098765432'],
    ['Klantnummer: NL-551122. BSN: 222333444. Rekening: …', '222333444'],
    ['Sozialversicherungsnr. 12 345678 K 901', '12 345678 K 901'],
    ['NOM : X  N° SÉCU : 2 85 11 69 123 045 12', '2 85 11 69 123 045 12'],
    ['Паспорт: серия 4411 номер 556677, дата выдачи …', '4411'],
    ['Паспорт: серия 4411 номер 556677, дата выдачи …', '556677'],
    ['رقم البطاقة الوطنية: CD123456', 'CD123456'],
  ])('%j', (text, id) => {
    expect(distinct(idSpans, text)).toContain(id);
  });
  it('leaves the numbers of things alone, in any script and without diacritics', () => {
    for (const text of [
      'Order ID: 99887766 shipped today',
      'Transaction ID 4455667788',
      'mam problem z zamowieniem nr 998877 moj mail',
      'Ваш заказ № 55231-RU доставлен в пункт выдачи.',
      'Marketplace listing, price firm. Listing #66120038.',
      'the ID 5 is free',
    ]) {
      expect(found(idSpans, text), text).toEqual([]);
    }
  });
});

describe('phone numbers by their sentence', () => {
  it('takes a second number written like the first in the same sentence', () => {
    expect(found(phoneSpans, 'Call me at 555-0147 or my sister Ann at 555-0188, after 6.')).toEqual(['555-0147', '555-0188']);
  });
  it('leaves a number of the same shape after a thing label or in another sentence', () => {
    expect(found(phoneSpans, 'Call me at 555-0147 about order 555-0188.')).toEqual(['555-0147']);
    expect(found(phoneSpans, 'Call me at 555-0147. Room 555-0188 is free.')).toEqual(['555-0147']);
  });
  it('takes a number after "your old number", but not after "your order number"', () => {
    expect(found(phoneSpans, 'If the code goes to your old number 07700 900 456 let me know')).toEqual(['07700 900 456']);
    expect(found(phoneSpans, 'Your order number 12345678 has shipped')).toEqual([]);
  });
  it('takes an extension written in other languages', () => {
    expect(found(phoneSpans, 'a do biura +48 22 111 22 33 wew. 204.')).toEqual(['+48 22 111 22 33 wew. 204']);
  });
  it('leaves the digit groups of a tracking code and a purchase order alone', () => {
    expect(found(phoneSpans, 'Your parcel (tracking JD0001 1234 5678 9012) can be collected')).toEqual([]);
    expect(found(phoneSpans, 'The PO number is 4500012345, not a reference number')).toEqual([]);
  });
});

describe('addresses end where the address ends', () => {
  it('takes no date for a house number and a street kind that starts the next word', () => {
    expect(found(addressSpans, 'We are pleased to offer you the post starting 1 October. Please return the contract.')).toEqual([]);
    expect(found(addressSpans, 'available from 1 Nov. Strong SQL skills')).toEqual([]);
    expect(found(addressSpans, 'Send it to 14 Baker St. Thanks')).toEqual(['14 Baker St.']);
  });
  it('takes the street kinds of postal standards, some in the plural, as whole words', () => {
    expect(distinct(addressSpans, 'ship to 412 Maple Hills, Suite 9')).toEqual(['412 Maple Hills, Suite 9']);
    expect(distinct(addressSpans, 'billing address 77 Harper Cove please')).toEqual(['77 Harper Cove']);
    expect(found(addressSpans, 'we sold 40 Grand Stands at the fair')).toEqual([]);
  });
  it("ends an address field's value at the next field of the same line", () => {
    expect(distinct(addressSpans, 'Meno: X, adresa: Hlavná 7, 811 01 Bratislava, číslo OP: AB123456')).toEqual(['Hlavná 7, 811 01 Bratislava']);
    expect(distinct(addressSpans, 'lakcím: 1052 Budapest, Váci utca 7, telefon: +36 30 111 2222.')).toContain('1052 Budapest, Váci utca 7');
  });
  it('ends a Chinese or Japanese address at an ideographic comma or full stop', () => {
    expect(distinct(addressSpans, '住所は〒150-0002 東京都渋谷区渋谷1-2-3 ビル 5階、電話は03-0000-0000です。')).toContain('〒150-0002 東京都渋谷区渋谷1-2-3 ビル 5階');
    expect(distinct(addressSpans, '地址：北京市朝阳区建国路1号2号楼3室，电话138')).toEqual(['北京市朝阳区建国路1号2号楼3室']);
  });
});

describe('postcodes after labels in more scripts', () => {
  it.each([
    ['जन्म तिथि: 1/1/1990, पिन कोड: 302018', '302018'],
    ['الرمز البريدي: 12345', '12345'],
    ['Kode pos: 40115', '40115'],
  ])('%j', (text, code) => {
    expect(distinct(postcodeSpans, text)).toContain(code);
  });
});

describe('streets typed in lowercase or written in Arabic', () => {
  it('takes a lowercase compound street with its number', () => {
    expect(found(addressSpans, 'wohnst du noch in der lindenstr 12? meine nr')).toEqual(['lindenstr 12']);
    expect(found(addressSpans, 'send pakken til fjordgata 3b, er du snill')).toEqual(['fjordgata 3b']);
  });
  it('leaves lowercase words that merely end like a street kind alone', () => {
    expect(found(addressSpans, 'unterwegs 5 tage, during 2020 we')).toEqual([]);
  });
  it('takes an Arabic street with its district, city and postcode, up to the next clause', () => {
    expect(found(addressSpans, 'عنواني شارع النخيل، حي الورود، جدة 23456.')).toEqual(['شارع النخيل، حي الورود، جدة 23456']);
    expect(found(addressSpans, 'يرجى إرسال الطلب إلى 22 شارع الجمهورية، الزمالك، القاهرة، مصر، والاتصال بـأحمد')).toEqual([
      '22 شارع الجمهورية، الزمالك، القاهرة، مصر',
    ]);
  });
  it('leaves "the street" in prose alone', () => {
    expect(found(addressSpans, 'في الشارع الكبير 3 سيارات')).toEqual([]);
  });
});
