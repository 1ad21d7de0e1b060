// Numbers only rules catch (the model labels none): read-out numbers, numbers their label or a
// neighbouring phrase identifies, and the numbers of things that must stay. Invented values.
import { describe, expect, it } from 'vitest';
import { anonymizeRulesOnly } from '../../../utils/anonymize/index';
import { cardSpans } from '../../../utils/anonymize/rules/card';
import { ibanSpans } from '../../../utils/anonymize/rules/iban';
import { idSpans } from '../../../utils/anonymize/rules/id';
import { ruleSpans } from '../../../utils/anonymize/rules/index';
import { foldDigits } from '../../../utils/anonymize/rules/match';
import { phoneSpans } from '../../../utils/anonymize/rules/phone';
import { spokenNumberSpans } from '../../../utils/anonymize/rules/spoken-number';
import type { Rule } from '../../../utils/anonymize/types';
import { found } from '../support/rule-spans';

const typed = (text: string): string[] => spokenNumberSpans(text).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

describe('numbers read out in words', () => {
  it.each([
    ["Customer: It's oh seven seven double oh, nine double oh, four five six.", 'oh seven seven double oh, nine double oh, four five six'],
    ['Call me back at seven one three, two two oh, five five four one. Love you.', 'seven one three, two two oh, five five four one'],
    ['Cliente: Sí, seis dos cuatro, treinta y uno, cuarenta y dos, noventa y nueve.', 'seis dos cuatro, treinta y uno, cuarenta y dos, noventa y nueve'],
    ['mi richiami al tre tre nove, quattro uno due, ventisette zero cinque', 'tre tre nove, quattro uno due, ventisette zero cinque'],
    ['Moje číslo je sedm tři dva, sto čtyřicet pět, šest šest jedna.', 'sedm tři dva, sto čtyřicet pět, šest šest jedna'],
    ['Ruf mich an: null eins sieben sechs, zwei drei vier, fünfundfünfzig.', 'null eins sieben sechs, zwei drei vier, fünfundfünfzig'],
    ['Bel me op nul zes twaalf, vierendertig, zesenvijftig.', 'nul zes twaalf, vierendertig, zesenvijftig'],
  ])('a phone number: %j', (text, value) => {
    expect(typed(text)).toEqual([`PHONE:${value}`]);
  });
  it('types the number by the label before it, on its line or the question before', () => {
    expect(typed('Agent: And the card number?\nCaller: four five three two, one one one one, two two two two, three three three three.')).toEqual([
      'CARD:four five three two, one one one one, two two two two, three three three three',
    ]);
    expect(typed("Agent: your passport number please\nCaller: it's five five one, two oh three, nine four eight")).toEqual([
      'ID:five five one, two oh three, nine four eight',
    ]);
  });
  it.each([
    'We counted twenty, thirty, forty, fifty birds and one or two ducks.',
    'There were two hundred and fifty guests, ninety nine of them late, and six or seven left early.',
    'One, two, three, four. He said five, six, seven, eight and stopped.',
    'It took twenty-one days, then thirty-two more, and forty-five after that.',
    'Sei tre, e poi due: una cosa da niente.',
  ])('leaves counts and prose alone: %j', (text) => {
    expect(typed(text)).toEqual([]);
  });
});

describe('phone numbers the context identifies', () => {
  it('takes digits written one by one after a calling verb or before "that\'s my number"', () => {
    expect(found(phoneSpans, 'call me on 0 4 1 2 5 5 0 9 8 7 pls')).toEqual(['0 4 1 2 5 5 0 9 8 7']);
    expect(found(phoneSpans, "Aoife – 0 8 6 – 5 5 1 – 2 0 4 8, that's my number")).toEqual(['0 8 6 – 5 5 1 – 2 0 4 8']);
    expect(found(phoneSpans, 'The scores were 1 2 3 4 5 6 7 8 in order')).toEqual([]);
  });
  it('takes an extension written in words', () => {
    expect(found(phoneSpans, 'Telefon 030 4471902, Durchwahl 28, sonst Handy')).toEqual(['030 4471902, Durchwahl 28']);
    expect(found(phoneSpans, 'Standard 01 44 55 66 71 poste 231.')).toEqual(['01 44 55 66 71 poste 231']);
    expect(found(phoneSpans, 'Call 020 7946 0355 (ext. 12) today')).toEqual(['020 7946 0355 (ext. 12)']);
  });
  it('reads a phone word only at the start of a word', () => {
    // "Bestellung" holds "tel", "hotel" too: neither says the number is a telephone's.
    expect(found(phoneSpans, 'Bestellung 304-5512093-7781 kam nicht')).toEqual([]);
    expect(found(phoneSpans, 'the hotel had 1 234 567 visitors')).toEqual([]);
    expect(found(phoneSpans, 'Telefonnummer 0301 4471902')).toEqual(['0301 4471902']);
  });
  it.each([
    'Lieferschein Nr. 2024-55120',
    'The replacement part number is 880142-07, about 20 euros.',
    'Kargo takip numaranız: 5512 8803 1174.',
    'Art.-Nr. 55102-03 · EAN 4006381444917',
    'la prenotazione CUP n. 2024/33190 è confermata',
  ])('leaves numbers of things alone: %j', (text) => {
    expect(found(phoneSpans, text)).toEqual([]);
    expect(found(idSpans, text)).toEqual([]);
  });
  it('takes numbers glued to a label with a full stop, and each of several in a row', () => {
    expect(found(phoneSpans, 'Tel.:0612345678;Fax:0612345679')).toEqual(['0612345678', '0612345679']);
    expect(found(phoneSpans, 'Numbers: 0171 5523901 / 0171 5523902 / 030 55239013')).toEqual(['0171 5523901', '0171 5523902', '030 55239013']);
  });
  it('takes a local number that looks like a range after a calling verb, not a count before a bracket', () => {
    expect(found(phoneSpans, 'Call me: 555-0182')).toEqual(['555-0182']);
    expect(found(phoneSpans, 'pages 120-1300')).toEqual([]);
    expect(found(phoneSpans, 'Population: 1 234 567 (2021), area 12 345 km²')).toEqual([]);
  });
  it('still takes an international number after "…\'s number is"', () => {
    expect(found(phoneSpans, "the landlord's number is +33 6 44 19 27 83 and")).toEqual(['+33 6 44 19 27 83']);
  });
});

describe('identifiers after their label', () => {
  it.each([
    ['me pidió foto de mi DNI (52718394K) por WhatsApp', '52718394K'],
    ['Ho perso la patente (V7K213004P) ieri', 'V7K213004P'],
    ['T.C. Kimlik No: 27184093516', '27184093516'],
    ['CNP: 1760412345678', '1760412345678'],
    ['Serie/număr CI: XB 271934', 'XB 271934'],
    ['National Insurance number: QQ 12 34 56 C', 'QQ 12 34 56 C'],
    ['Uw patiëntnummer is 00731952. Neem uw pas mee.', '00731952'],
    ['Tessera sanitaria n. 80380000400098765432.', '80380000400098765432'],
    ['meine Steuer-ID ist 58 147 903 226 – muss ich', '58 147 903 226'],
    ['ο ΑΦΜ μου είναι 047392815 και', '047392815'],
    ['Nr dowodu: CAB 517204', 'CAB 517204'],
    ['Hasta no: PX-5531820. İptal için arayın.', 'PX-5531820'],
    ['Versicherungsschein-Nr.: KV-3391-20817', 'KV-3391-20817'],
    ['gostaria de alterar o meu NIF na fatura para 231 447 902. Obrigado', '231 447 902'],
    ['my passport number, if you need it, is 551203948', '551203948'],
    ['Mitgliedsnummer 0055219 bitte angeben', '0055219'],
    ['Merci. N° de dossier : MED-2024-551902.', 'MED-2024-551902'],
    ['Your tenant reference remains TN-55812.', 'TN-55812'],
    ['the van with reg KL21 XPT blocked the road', 'KL21 XPT'],
    ['mi número de cuenta es 0049 1500 05 0012345678', '0049 1500 05 0012345678'],
    ['His PPSN is 5512093TA and his licence 551209347', '5512093TA'],
    ['His PPSN is 5512093TA and his licence 551209347', '551209347'],
  ])('%j', (text, value) => {
    expect(found(idSpans, text)).toContain(value);
  });
  it('takes the answer on the next line of a chat or transcript', () => {
    expect(found(idSpans, 'Conseillère : et votre numéro de sécurité sociale ?\nClient : 2 91 03 75 114 208 33.')).toContain('2 91 03 75 114 208 33');
    expect(found(idSpans, "Agent: what's your passport number?\nCaller: K4471902")).toContain('K4471902');
  });
  it.each([
    'Sort code: 20-71-45, the bank branch',
    'Serial number KT-55201-C. Receipt attached.',
    'the number 55120394 was wrong',
    'Room no. 2214, Seat no. 14A',
    'DNI y pasaporte vencen en 2025',
    'Rechnungsnummer: RE-2024-5512',
    'número de pedido: 2024-55812',
    'numero di serie: SN-5512-A',
    'Chargennummer 2024-5519 und Tischnummer 14',
  ])('leaves numbers of banks, devices, things and years alone: %j', (text) => {
    expect(found(idSpans, text)).toEqual([]);
  });
});

describe('numbers in other scripts', () => {
  it.each([
    ['اتصل بي على ٠٥٥١٢٣٤٥٦٧ من فضلك', '٠٥٥١٢٣٤٥٦٧'],
    ['电话13812345678，请联系', '13812345678'],
    ['お電話は０９０－１２３４－５６７８までお願いします', '０９０－１２３４－５６７８'],
    ['연락처: 010-1234-5678로 연락 주세요', '010-1234-5678'],
    ['Тел. 4951234', '4951234'],
  ])('%j', (text, value) => {
    expect(found(ruleSpans, text)).toContain(value);
  });
  it.each([
    ['Паспорт: 4509 123456, выдан ОВД', '4509 123456'],
    ['ИНН 771234567890', '771234567890'],
    ['我的身份证号码是110101199003071234，谢谢', '110101199003071234'],
    ['マイナンバーは123456789012です', '123456789012'],
    ['주민등록번호는 900101-1234567 입니다', '900101-1234567'],
    ['رقم الهوية: 1023456789', '1023456789'],
    ['תעודת זהות 012345678', '012345678'],
    ['आधार नंबर 2345 6789 0123', '2345 6789 0123'],
    ['เลขบัตรประชาชน 1101700203451', '1101700203451'],
  ])('an identity number after its label in another script: %j', (text, value) => {
    expect(found(idSpans, text)).toContain(value);
  });
  it('folds digits one code unit for one', () => {
    expect(foldDigits('٠٥٥ ०१२ ๓ ０９０－１')).toBe('055 012 3 090-1');
  });
});

describe('card numbers after a card word', () => {
  it.each([
    ['my cc is 4532 1234 5678 9013 exp 04/27', '4532 1234 5678 9013'],
    ['debit 5105 1051 0510 5109, thanks', '5105 1051 0510 5109'],
  ])('%j', (text, value) => {
    expect(found(cardSpans, text)).toEqual([value]);
  });
});

describe('IBANs after their label', () => {
  it('takes one whose checksum fails, and still needs the checksum without a label', () => {
    expect(found(ibanSpans, 'Zahlung an IBAN: DE12 5001 0517 0648 4898 91 · Inhaber folgt')).toEqual(['DE12 5001 0517 0648 4898 91']);
    expect(found(ibanSpans, 'ref DE12 5001 0517 0648 4898 91 today')).toEqual([]);
  });
});

describe('the JSONL contract is unchanged for a spoken number', () => {
  it('redacts it with its type', () => {
    expect(anonymizeRulesOnly('ring me on five five one, two oh three, nine four eight').redacted).toBe('ring me on [PHONE]');
    expect(found(cardSpans, 'card five five one two')).toEqual([]);
  });
});
