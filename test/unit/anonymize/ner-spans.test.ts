import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymize } from '../../../utils/anonymize/index';
import { expandToWords, nerSpans, withoutIdentifierRunOns } from '../../../utils/anonymize/ner-spans';
import type { NerToken, Span } from '../../../utils/anonymize/types';

let index = 0;
const tok = (word: string, entity = 'O', score = 0.99): NerToken => ({ word, entity, score, index: ++index });
const texts = (text: string, tokens: NerToken[]): [string, string][] =>
  nerSpans(text, tokens).map((s) => [s.type, text.slice(s.start, s.end)]);

describe('nerSpans', () => {
  it('maps BIO tokens to typed spans over the original text', () => {
    const text = 'Anna Smith visited Berlin for Siemens.';
    const tokens = [tok('anna', 'B-PER'), tok('smith', 'I-PER'), tok('visited'), tok('berlin', 'B-LOC'), tok('for'), tok('siemens', 'B-ORG'), tok('.')];
    expect(texts(text, tokens)).toEqual([['PERSON', 'Anna Smith'], ['LOCATION', 'Berlin'], ['ORGANIZATION', 'Siemens']]);
  });
  it('joins ## word pieces and undoes lowercasing and accent stripping', () => {
    const text = 'Hi Zoë Müller-Łukasiewicz!';
    const tokens = [tok('hi'), tok('zoe', 'B-PER'), tok('mu', 'I-PER'), tok('##ller', 'I-PER'), tok('-', 'I-PER'), tok('łu', 'I-PER'), tok('##kasiewicz', 'I-PER'), tok('!')];
    expect(texts(text, tokens)).toEqual([['PERSON', 'Zoë Müller-Łukasiewicz']]);
  });
  it('matches cased tokenizer output that keeps accents', () => {
    const text = 'Frau Müller aus Köln';
    const tokens = [tok('Frau'), tok('Müller', 'B-PER'), tok('aus'), tok('K', 'B-LOC'), tok('##ö'), tok('##ln')];
    expect(texts(text, tokens)).toEqual([['PERSON', 'Müller'], ['LOCATION', 'Köln']]);
  });
  it('expands a partially labelled word to the whole word (fail closed)', () => {
    const text = 'Ask Oluwaseun today';
    const tokens = [tok('ask'), tok('olu', 'B-PER', 0.2), tok('##wa'), tok('##se'), tok('##un'), tok('today')];
    expect(texts(text, tokens)).toEqual([['PERSON', 'Oluwaseun']]);
  });
  it('redacts low-score entity tokens by default', () => {
    expect(texts('met Wei', [tok('met'), tok('wei', 'B-PER', 0.05)])).toEqual([['PERSON', 'Wei']]);
  });
  it('redacts tokens whose top label is O at under 0.5, typed after a neighbour, unless disabled', () => {
    const text = 'Call Layla Haddad now';
    const tokens = [tok('call', 'O', 0.9), tok('layla', 'O', 0.42), tok('had', 'I-PER', 0.5), tok('##dad', 'O', 0.35), tok('now', 'O', 0.8)];
    expect(texts(text, tokens)).toEqual([['PERSON', 'Layla Haddad']]);
    expect(nerSpans('Visit Tromsø', [tok('visit'), tok('tromsø', 'O', 0.3)]).map((s) => s.type)).toEqual(['PERSON']);
    expect(nerSpans('Visit Tromsø', [tok('visit'), tok('tromsø', 'O', 0.3)], { uncertainO: 0 })).toEqual([]);
  });
  it('survives [UNK] tokens and tokens dropped by the pipeline', () => {
    const text = '☃ greetings from ✈ Tromsø';
    // transformers.js drops [UNK] entries; the index gap is all that is left of "✈".
    const tokens: NerToken[] = [
      { word: '[UNK]', entity: 'O', score: 0.9, index: 1 },
      { word: 'greetings', entity: 'O', score: 0.9, index: 2 },
      { word: 'from', entity: 'O', score: 0.9, index: 3 },
      { word: 'tromsø', entity: 'B-LOC', score: 0.9, index: 5 },
    ];
    expect(texts(text, tokens)).toEqual([['LOCATION', 'Tromsø']]);
  });
  it('accepts ADDR labels and plain (non-BIO) labels, and ignores MISC by default', () => {
    const text = 'German flat at Torstraße 5';
    const tokens = [tok('german', 'B-MISC'), tok('flat'), tok('at'), tok('torstraße', 'B-ADDR'), tok('5', 'I-ADDR')];
    expect(texts(text, tokens)).toEqual([['ADDRESS', 'Torstraße 5']]);
    expect(texts('Kim', [tok('kim', 'PER')])).toEqual([['PERSON', 'Kim']]);
  });
  it('keeps lowercase name particles inside one name', () => {
    const text = 'Hiroshi van der Berg and Ana';
    const tokens = [tok('hiroshi', 'B-PER'), tok('van'), tok('der'), tok('berg', 'B-PER'), tok('and'), tok('ana', 'B-PER')];
    expect(texts(text, tokens)).toEqual([['PERSON', 'Hiroshi van der Berg'], ['PERSON', 'Ana']]);
  });
  it('starts a new entity at B- even when the type repeats', () => {
    const text = 'Ana, Bo';
    expect(texts(text, [tok('ana', 'B-PER'), tok(','), tok('bo', 'B-PER')])).toEqual([['PERSON', 'Ana'], ['PERSON', 'Bo']]);
  });
});

describe('nerSpans refinement of model spans', () => {
  it('leaves a title outside the person it names', () => {
    const text = 'Dr. Ama Fernández called.';
    const tokens = [tok('dr', 'B-PER'), tok('.', 'I-PER'), tok('ama', 'I-PER'), tok('fernandez', 'I-PER'), tok('called'), tok('.')];
    expect(texts(text, tokens)).toEqual([['PERSON', 'Ama Fernández']]);
    expect(texts('Prof. Kim', [tok('prof', 'B-PER'), tok('.'), tok('kim', 'B-PER')])).toEqual([['PERSON', 'Kim']]);
  });
  it('drops spans of digits and punctuation only (dates, prices are not addresses)', () => {
    const text = 'Delivered on 12.04.2025 for 8323 to 12 Baker Street.';
    const tokens = [tok('delivered'), tok('on'), tok('12', 'B-ADDR'), tok('.', 'I-ADDR'), tok('04', 'I-ADDR'), tok('.', 'I-ADDR'), tok('2025', 'I-ADDR'), tok('for'), tok('83', 'B-ADDR'), tok('##23', 'I-ADDR'), tok('to'), tok('12', 'B-ADDR'), tok('baker', 'I-ADDR'), tok('street', 'I-ADDR'), tok('.')];
    expect(texts(text, tokens)).toEqual([['ADDRESS', '12 Baker Street']]);
  });
  it('leaves web addresses to the URL and e-mail rules', () => {
    const text = 'See https://shop.example.de today';
    const tokens = [tok('see'), tok('https'), tok(':'), tok('/'), tok('/'), tok('shop'), tok('.'), tok('example'), tok('.'), tok('de', 'B-LOC'), tok('today')];
    expect(texts(text, tokens)).toEqual([]);
  });
  it('keeps a lowercase span only when the model is sure of it', () => {
    expect(texts('ask john tomorrow', [tok('ask'), tok('john', 'B-PER', 0.95), tok('tomorrow')])).toEqual([['PERSON', 'john']]);
    expect(texts('the book club met', [tok('the'), tok('book'), tok('club', 'B-LOC', 0.6), tok('met')])).toEqual([]);
    expect(texts('the Book Club met', [tok('the'), tok('book'), tok('club', 'B-LOC', 0.6), tok('met')])).toEqual([['LOCATION', 'Club']]);
  });
});

describe('nerSpans: what the model takes that names no one', () => {
  it('drops a lowercase common word in a text whose writer capitalises sentences', () => {
    const text = 'Beer traps work. Any ideas that do not harm hedgehogs?';
    const tokens = [tok('beer'), tok('traps'), tok('work'), tok('.'), tok('any'), tok('ideas'), tok('that'), tok('do'), tok('not'), tok('harm'), tok('hedge', 'B-ORG', 0.97), tok('##hog', 'I-ORG', 0.98), tok('##s', 'I-ORG', 0.97), tok('?')];
    expect(texts(text, tokens)).toEqual([]);
  });
  it('drops dates and times taken for places', () => {
    const text = 'Posted Tue Mar 11, 2025 9:14 pm and from 8am';
    const tokens = [tok('posted'), tok('tue', 'B-ADDR'), tok('mar', 'I-ADDR'), tok('11', 'I-ADDR'), tok(',', 'I-ADDR'), tok('2025', 'I-ADDR'), tok('9', 'I-ADDR'), tok(':', 'I-ADDR'), tok('14', 'I-ADDR'), tok('pm'), tok('and'), tok('from'), tok('8', 'B-ADDR'), tok('##am', 'I-ADDR')];
    expect(texts(text, tokens)).toEqual([]);
  });
  it('drops the labels the rules read (birth-date labels, salutations, form labels, "Re:")', () => {
    expect(texts('DOB: 1990-07-30', [tok('dob', 'B-PER'), tok(':'), tok('1990')])).toEqual([]);
    expect(texts('Kontoinhaber: Mette Brand', [tok('konto', 'B-PER'), tok('##inhaber', 'I-PER'), tok(':'), tok('mette', 'B-PER'), tok('brand', 'I-PER')])).toEqual([['PERSON', 'Mette Brand']]);
    expect(texts('Re: noisy neighbours', [tok('re', 'B-PER'), tok(':'), tok('noisy'), tok('neighbours')])).toEqual([]);
    expect(texts('Ciao a tutti', [tok('cia', 'B-PER'), tok('##o', 'I-PER'), tok('a'), tok('tutti')])).toEqual([]);
  });
  it('drops headings and form labels in other languages, and leaves a title outside the name after it', () => {
    expect(texts('Impressum: Fahrradwerkstatt', [tok('imp', 'B-PER'), tok('##ressum', 'I-PER'), tok(':'), tok('fahrrad'), tok('##werkstatt')])).toEqual([]);
    expect(texts('Chi siamo: Trattoria', [tok('chi', 'B-PER'), tok('siamo', 'I-PER'), tok(':'), tok('trattoria')])).toEqual([]);
    const text = 'Wethouder Femke de Groot noemde het';
    const tokens = [tok('wet', 'B-PER'), tok('##houder', 'I-PER'), tok('fem', 'I-PER'), tok('##ke', 'I-PER'), tok('de', 'I-PER'), tok('groot', 'I-PER'), tok('noemde'), tok('het')];
    expect(texts(text, tokens)).toEqual([['PERSON', 'Femke de Groot']]);
    expect(texts('as Chief Financial Officer, effective', [tok('as'), tok('chief'), tok('financial', 'B-PER'), tok('officer', 'I-PER'), tok(','), tok('effective')])).toEqual([]);
    expect(texts('Profilo di Giulia Santoro', [tok('profilo', 'B-PER'), tok('di', 'I-PER'), tok('giulia', 'I-PER'), tok('santoro', 'I-PER')])).toEqual([['PERSON', 'Giulia Santoro']]);
    expect(texts('Naam: van der Berg', [tok('naam', 'B-PER'), tok(':', 'I-PER'), tok('van', 'I-PER'), tok('der', 'I-PER'), tok('berg', 'I-PER')])).toEqual([['PERSON', 'van der Berg']]);
    expect(texts('Über mich: Ich bin Katharina Vogt', [tok('uber'), tok('mich'), tok(':'), tok('ich', 'B-PER'), tok('bin', 'I-PER'), tok('katharina', 'I-PER'), tok('vogt', 'I-PER')])).toEqual([['PERSON', 'Katharina Vogt']]);
  });
  it('drops dates and times in other languages and "9:41 AM"', () => {
    expect(texts('Wann: Mittwoch, 19. März 2025 09:30', [tok('wann'), tok(':'), tok('mittwoch', 'B-ADDR'), tok(',', 'I-ADDR'), tok('19', 'I-ADDR'), tok('.', 'I-ADDR'), tok('marz', 'I-ADDR'), tok('2025', 'I-ADDR'), tok('09', 'I-ADDR'), tok(':', 'I-ADDR'), tok('30', 'I-ADDR')])).toEqual([]);
    expect(texts('at 9:41 AM', [tok('at'), tok('9', 'B-ADDR'), tok(':', 'I-ADDR'), tok('41', 'I-ADDR'), tok('am', 'I-ADDR')])).toEqual([]);
  });
  it('splits a span at brackets and at a form label inside it', () => {
    const text = 'Ben Adler (Engineering) and Rahul (CTO).';
    const tokens = [tok('ben', 'B-PER'), tok('adler', 'I-PER'), tok('(', 'I-PER'), tok('engineering', 'I-PER'), tok(')', 'I-PER'), tok('and'), tok('rahul', 'B-PER'), tok('('), tok('ct', 'B-LOC'), tok('##o', 'I-LOC'), tok(')', 'I-LOC'), tok('.')];
    expect(texts(text, tokens)).toEqual([['PERSON', 'Ben Adler'], ['PERSON', 'Rahul']]);
    const form = 'Nr. 4471, Lieferadresse Am Mühlbach 3';
    const formTokens = [tok('nr'), tok('.'), tok('44', 'B-ADDR'), tok('##71', 'I-ADDR'), tok(',', 'I-ADDR'), tok('liefer', 'I-ADDR'), tok('##adresse', 'I-ADDR'), tok('am', 'I-ADDR'), tok('muhl', 'I-ADDR'), tok('##bach', 'I-ADDR'), tok('3', 'I-ADDR')];
    expect(texts(form, formTokens)).toEqual([['ADDRESS', 'Am Mühlbach 3']]);
  });
  it('starts an address at its number, name or street kind, not at the prose the model ran it on over', () => {
    const text = 'À récupérer au 41 rue Sainte-Catherine.';
    const tokens = [tok('a'), tok('recuperer', 'B-ADDR'), tok('au', 'I-ADDR'), tok('41', 'I-ADDR'), tok('rue', 'I-ADDR'), tok('sainte', 'I-ADDR'), tok('-', 'I-ADDR'), tok('catherine', 'I-ADDR'), tok('.')];
    expect(texts(text, tokens)).toEqual([['ADDRESS', '41 rue Sainte-Catherine']]);
    expect(texts('vive in via Roma 3', [tok('vive', 'B-ADDR'), tok('in', 'I-ADDR'), tok('via', 'I-ADDR'), tok('roma', 'I-ADDR'), tok('3', 'I-ADDR')])).toEqual([['ADDRESS', 'via Roma 3']]);
  });
  it('ends an address where it runs on into the sentence after it', () => {
    const text = 'Ophalen op Dorpsweg 81, 3581 KP Utrecht, bellen naar mij.';
    const tokens = [tok('ophalen'), tok('op'), tok('dorpsweg', 'B-ADDR'), tok('81', 'I-ADDR'), tok(',', 'I-ADDR'), tok('3581', 'I-ADDR'), tok('kp', 'I-ADDR'), tok('utrecht', 'I-ADDR'), tok(',', 'I-ADDR'), tok('bellen', 'I-ADDR'), tok('naar', 'I-ADDR'), tok('mij'), tok('.')];
    expect(texts(text, tokens)).toEqual([['ADDRESS', 'Dorpsweg 81, 3581 KP Utrecht']]);
    const unit = 'Calle Mayor 7, bajo, Zaragoza';
    const unitTokens = [tok('calle', 'B-ADDR'), tok('mayor', 'I-ADDR'), tok('7', 'I-ADDR'), tok(',', 'I-ADDR'), tok('bajo', 'I-ADDR'), tok(',', 'I-ADDR'), tok('zaragoza', 'I-ADDR')];
    expect(texts(unit, unitTokens)).toEqual([['ADDRESS', 'Calle Mayor 7, bajo, Zaragoza']]);
    const next = 'Vicolo dei Cartai 4, 40124 Bologna. Prenotazioni al telefono.';
    const nextTokens = [tok('vi', 'B-ADDR'), tok('##colo', 'I-ADDR'), tok('dei', 'I-ADDR'), tok('carta', 'I-ADDR'), tok('##i', 'I-ADDR'), tok('4', 'I-ADDR'), tok(',', 'I-ADDR'), tok('40124', 'I-ADDR'), tok('bologna', 'I-ADDR'), tok('.', 'I-ADDR'), tok('pre', 'I-ADDR'), tok('##notazioni', 'I-ADDR'), tok('al', 'I-ADDR'), tok('telefono'), tok('.')];
    expect(texts(next, nextTokens)).toEqual([['ADDRESS', 'Vicolo dei Cartai 4, 40124 Bologna']]);
    const verbLast = 'Ihr Paket an Lindenweg 3, 04109 Leipzig wird morgen zugestellt.';
    const verbLastTokens = [tok('ihr'), tok('paket'), tok('an'), tok('linden', 'B-ADDR'), tok('##weg', 'I-ADDR'), tok('3', 'I-ADDR'), tok(',', 'I-ADDR'), tok('04109', 'I-ADDR'), tok('leipzig', 'I-ADDR'), tok('wird', 'I-ADDR'), tok('morgen', 'I-ADDR'), tok('zugestellt'), tok('.')];
    expect(texts(verbLast, verbLastTokens)).toEqual([['ADDRESS', 'Lindenweg 3, 04109 Leipzig']]);
    const cedex = '12 rue Vernet, 75008 Paris cedex';
    const cedexTokens = [tok('12', 'B-ADDR'), tok('rue', 'I-ADDR'), tok('vernet', 'I-ADDR'), tok(',', 'I-ADDR'), tok('75008', 'I-ADDR'), tok('paris', 'I-ADDR'), tok('cedex', 'I-ADDR')];
    expect(texts(cedex, cedexTokens)).toEqual([['ADDRESS', '12 rue Vernet, 75008 Paris cedex']]);
  });
  it('ends an entity at a line break', () => {
    const text = 'Aisha Rahman\nKestrel Foods';
    const tokens = [tok('aisha', 'B-PER'), tok('rahman', 'I-PER'), tok('kestrel', 'I-PER'), tok('foods', 'I-PER')];
    expect(texts(text, tokens)).toEqual([['PERSON', 'Aisha Rahman'], ['PERSON', 'Kestrel Foods']]);
  });
  it('keeps a lowercase name the model is sure of even when a weak piece follows it', () => {
    expect(texts('hi im jake lol', [tok('hi'), tok('im'), tok('jake', 'B-PER', 0.99), tok('lo', 'I-PER', 0.88), tok('##l', 'O', 0.93)])).toEqual([['PERSON', 'jake lol']]);
  });
});

describe('nerSpans: the prose and openers the model runs a name on over', () => {
  it('drops greetings and ad formulas at the start of a span, and spans that are only that', () => {
    expect(texts('Merhaba Ayşe, nasılsın?', [tok('mer', 'B-PER'), tok('##haba', 'I-PER'), tok('ay', 'I-PER'), tok('##se', 'I-PER'), tok(','), tok('nasilsin'), tok('?')])).toEqual([['PERSON', 'Ayşe']]);
    expect(texts('Zu verkaufen: Gartentisch', [tok('zu', 'B-PER'), tok('verkaufen', 'I-PER'), tok(':'), tok('garten'), tok('##tisch')])).toEqual([]);
    expect(texts('Gratulacje Bartek!', [tok('gratulacje', 'B-PER'), tok('bartek', 'I-PER'), tok('!')])).toEqual([['PERSON', 'Bartek']]);
  });
  it('drops lowercase prose at the edges of a name in a text whose writer capitalises', () => {
    const text = 'Sie arbeitet bei Kronberg Logistik seit Mai.';
    const tokens = [tok('sie'), tok('arbeitet'), tok('bei', 'B-ORG'), tok('kronberg', 'I-ORG'), tok('logistik', 'I-ORG'), tok('seit'), tok('mai'), tok('.')];
    expect(texts(text, tokens)).toEqual([['ORGANIZATION', 'Kronberg Logistik']]);
    const tr = 'Söyle Burak\'a söyler misin?';
    expect(texts(tr, [tok('soyle'), tok('burak', 'B-PER'), tok("'", 'I-PER'), tok('a', 'I-PER'), tok('soyler', 'I-PER'), tok('misin'), tok('?')])).toEqual([['PERSON', "Burak'a"]]);
    // An organisation or a place may end in a lowercase word.
    expect(texts('Sie arbeitet bei Lindås bruk.', [tok('sie'), tok('arbeitet'), tok('bei'), tok('lindas', 'B-ORG'), tok('bruk', 'I-ORG'), tok('.')])).toEqual([['ORGANIZATION', 'Lindås bruk']]);
    const don = 'Recibo 7: recibí de don Ramiro Vidal la suma acordada.';
    const donTokens = [tok('recibo'), tok('7'), tok(':'), tok('recibi', 'B-PER'), tok('de', 'I-PER'), tok('don', 'I-PER'), tok('ramiro', 'I-PER'), tok('vidal', 'I-PER'), tok('la'), tok('suma'), tok('acordada'), tok('.')];
    expect(texts(don, donTokens)).toEqual([['PERSON', 'Ramiro Vidal']]);
  });
  it('keeps particles before a surname and lowercase names in a text without capitals', () => {
    expect(texts('Graag tot ziens, van den Broek.', [tok('graag'), tok('tot'), tok('ziens'), tok(','), tok('van', 'B-PER'), tok('den', 'I-PER'), tok('broek', 'I-PER'), tok('.')])).toEqual([['PERSON', 'van den Broek']]);
    expect(texts('ask marta lopez', [tok('ask'), tok('marta', 'B-PER'), tok('lopez', 'I-PER')])).toEqual([['PERSON', 'marta lopez']]);
  });
  it('drops languages, nationalities and short codes typed as places or organisations, not names', () => {
    const cv = 'Sprachen: Deutsch (Muttersprache), Englisch C1';
    const cvTokens = [tok('sprachen'), tok(':'), tok('deutsch', 'B-ORG'), tok('('), tok('mutter', 'B-LOC'), tok('##sprache', 'I-LOC'), tok(')'), tok(','), tok('englisch', 'B-LOC'), tok('c1', 'B-ADDR')];
    expect(texts(cv, cvTokens)).toEqual([['LOCATION', 'Muttersprache']]);
    expect(texts('Poste en CDI, H/F.', [tok('poste'), tok('en'), tok('cdi'), tok(','), tok('h', 'B-ADDR'), tok('/', 'I-ADDR'), tok('f', 'I-ADDR'), tok('.')])).toEqual([]);
    expect(texts('Ask JD today', [tok('ask'), tok('jd', 'B-PER'), tok('today')])).toEqual([['PERSON', 'JD']]);
  });
  it('drops payment and booking field labels', () => {
    expect(texts('IBAN: DE00 0000\nBIC: ABCDEFGH', [tok('iban', 'B-PER'), tok(':'), tok('de'), tok('##00'), tok('0000'), tok('bic', 'B-ADDR'), tok(':'), tok('abcdefgh')])).toEqual([]);
  });
  it('ends a name at the end of its sentence', () => {
    const text = 'Ich bin Aylin Kurt. Meine Bestellung fehlt.';
    const tokens = [tok('ich'), tok('bin'), tok('ay', 'B-PER'), tok('##lin', 'I-PER'), tok('kurt', 'I-PER'), tok('.', 'I-PER'), tok('meine', 'I-PER'), tok('bestellung', 'I-PER'), tok('fehlt', 'I-PER'), tok('.')];
    expect(texts(text, tokens)).toEqual([['PERSON', 'Aylin Kurt'], ['PERSON', 'Meine Bestellung']]);
    expect(texts('Dr. Ines Roth kommt', [tok('dr', 'B-PER'), tok('.', 'I-PER'), tok('ines', 'I-PER'), tok('roth', 'I-PER'), tok('kommt')])).toEqual([['PERSON', 'Ines Roth']]);
  });
});

/** Word-level tokens of `text`, labelled `label` (B- then I-) over the part `tagged`, O elsewhere. */
function tagged(text: string, tagged: string, label: string): NerToken[] {
  const from = text.indexOf(tagged);
  let inside = false;
  return [...text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)].map((m) => {
    const at = m.index ?? 0;
    const hit = at >= from && at + m[0].length <= from + tagged.length;
    const entity = hit ? `${inside ? 'I' : 'B'}-${label}` : 'O';
    inside = hit;
    return tok(m[0].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(), entity);
  });
}

describe('nerSpans: the edges of a model address', () => {
  it('ends an address at the sentence after its postcode and place, keeping particles of the place', () => {
    const date = 'Disdetta per Via Garibaldi 12, 20121 Milano a partire dal 3 maggio.';
    expect(texts(date, tagged(date, 'Via Garibaldi 12, 20121 Milano a partire dal 3 maggio', 'ADDR'))).toEqual([['ADDRESS', 'Via Garibaldi 12, 20121 Milano']]);
    const danish = 'Vi flytter til Østergade 4, 2100 København Ø den 1. maj.';
    expect(texts(danish, tagged(danish, 'Østergade 4, 2100 København Ø den 1. maj', 'ADDR'))).toEqual([['ADDRESS', 'Østergade 4, 2100 København Ø']]);
    const particle = 'Linzer Straße 4, 5280 Braunau am Inn kam nicht an.';
    expect(texts(particle, tagged(particle, 'Linzer Straße 4, 5280 Braunau am Inn kam nicht', 'ADDR'))).toEqual([['ADDRESS', 'Linzer Straße 4, 5280 Braunau am Inn']]);
  });
  it('leaves a field label out of an address, and drops a label taken for one', () => {
    const label = 'PLZ/Ort: 80331 München';
    expect(texts(label, tagged(label, label, 'ADDR'))).toEqual([['ADDRESS', '80331 München']]);
    const alone = 'Henkilötunnus: 010190-123A';
    expect(texts(alone, tagged(alone, 'Henkilötunnus', 'ADDR'))).toEqual([]);
    const number = 'Adresim: Bağdat Caddesi No: 14 Kadıköy';
    expect(texts(number, tagged(number, 'Bağdat Caddesi No: 14 Kadıköy', 'ADDR'))).toEqual([['ADDRESS', 'Bağdat Caddesi No: 14 Kadıköy']]);
  });
  it('ends an address before sizes, amounts, dates and hours, and drops spans of those alone', () => {
    const ad = 'WG-Zimmer in der Lindenallee 42, 14 m², 390 € warm.';
    expect(texts(ad, tagged(ad, 'Lindenallee 42, 14 m², 390 € warm', 'ADDR'))).toEqual([['ADDRESS', 'Lindenallee 42']]);
    const meter = 'Zählerstand: 48213 kWh';
    expect(texts(meter, tagged(meter, '48213 kWh', 'ADDR'))).toEqual([]);
    const hours = 'Erreichbar von 8 bis 18 Uhr.';
    expect(texts(hours, tagged(hours, '8 bis 18 Uhr', 'ADDR'))).toEqual([]);
    const spanish = 'Cita el 14/01 a las 09:20.';
    expect(texts(spanish, tagged(spanish, '14/01 a las 09:20', 'ADDR'))).toEqual([]);
    const place = 'Rain in Devon on Saturday.';
    expect(texts(place, tagged(place, 'Devon', 'LOC'))).toEqual([['LOCATION', 'Devon']]);
  });
  it('leaves the date and hour before or after an address out of it, and ends it at "!" and "?"', () => {
    const visit = 'Visita il 22/01/2026 ore 11:00, Ospedale Maggiore, padiglione 4.';
    expect(texts(visit, tagged(visit, '22/01/2026 ore 11:00, Ospedale Maggiore', 'ADDR'))).toEqual([['ADDRESS', 'Ospedale Maggiore']]);
    const after = 'Cita: Centro Delicias, 14/01 a las 09:20.';
    expect(texts(after, tagged(after, 'Centro Delicias, 14/01 a las 09:20', 'ADDR'))).toEqual([['ADDRESS', 'Centro Delicias']]);
    const ad = 'Wohnung in Köln-Nippes! 2 Erwachsene, 1 Kind.';
    expect(texts(ad, tagged(ad, 'Köln-Nippes! 2 Erwachsene, 1 Kind', 'ADDR'))).toEqual([['ADDRESS', 'Köln-Nippes']]);
  });
  it('leaves a title (also after a greeting) and a trailing conjunction out of any span', () => {
    const label = 'SHIP TO:\nMRS HELEN BYRNE';
    expect(texts(label, tagged(label, 'MRS HELEN BYRNE', 'ADDR'))).toEqual([['ADDRESS', 'HELEN BYRNE']]);
    const greeting = 'Agent: Thanks Mr Patel, I can see it.';
    expect(texts(greeting, tagged(greeting, 'Thanks Mr Patel', 'PER'))).toEqual([['PERSON', 'Patel']]);
    const and = 'Update it to 12 Tamme, 10115 Tallinn, Eesti and my phone too.';
    expect(texts(and, tagged(and, '12 Tamme, 10115 Tallinn, Eesti and', 'ADDR'))).toEqual([['ADDRESS', '12 Tamme, 10115 Tallinn, Eesti']]);
  });
});

describe('nerSpans: closed-class words and places run on over the sentence', () => {
  it('drops spans of yes and no, please, pronouns and greetings to a group, in any language', () => {
    const cases: [string, string][] = [['Bitte melden Sie sich bei uns.', 'Bitte'], ['Jag kan hämta på lördag.', 'Jag'], ['Caller: Yeah it is me.', 'Yeah'], ['Arkadaşlar, yarın görüşürüz.', 'Arkadaşlar'], ['— Tak, konto podam.', 'Tak']];
    for (const [text, word] of cases) {
      expect(texts(text, tagged(text, word, 'PER'))).toEqual([]);
    }
    expect(texts('Ben said hi.', tagged('Ben said hi.', 'Ben', 'PER'))).toEqual([['PERSON', 'Ben']]);
    expect(texts('ask dad if he still has it', tagged('ask dad if he still has it', 'dad', 'PER'))).toEqual([]);
    expect(texts('Uncle Ray is here.', tagged('Uncle Ray is here.', 'Uncle Ray', 'PER'))).toEqual([['PERSON', 'Uncle Ray']]);
  });
  it('ends a place at the lowercase words after it and starts it after its article, not an organisation', () => {
    const born = 'Er ist in Königsberg geboren.';
    expect(texts(born, tagged(born, 'Königsberg geboren', 'LOC'))).toEqual([['LOCATION', 'Königsberg']]);
    const article = 'Wir treffen uns in der Sporthalle Nord.';
    expect(texts(article, tagged(article, 'der Sporthalle Nord', 'LOC'))).toEqual([['LOCATION', 'Sporthalle Nord']]);
    const company = 'Jag jobbar på Nyby bruk.';
    expect(texts(company, tagged(company, 'Nyby bruk', 'ORG'))).toEqual([['ORGANIZATION', 'Nyby bruk']]);
  });
});

describe('nerSpans: the kind word that ends a company name', () => {
  it('grows an organisation over the kind words after it that the model left out', () => {
    const text = 'Speaker: Ama Owusu, Mensah & Sons Trading Ltd. Talk at 9.';
    expect(texts(text, tagged(text, 'Mensah & Sons', 'ORG'))).toEqual([['ORGANIZATION', 'Mensah & Sons Trading Ltd']]);
    const place = 'Sie arbeitet bei Nordlicht in Kiel.';
    expect(texts(place, tagged(place, 'Nordlicht', 'ORG'))).toEqual([['ORGANIZATION', 'Nordlicht']]);
  });
});

describe('withoutIdentifierRunOns', () => {
  const span = (text: string, part: string, type: Span['type'], source: Span['source']): Span => ({ type, source, start: text.indexOf(part), end: text.indexOf(part) + part.length });
  const parts = (text: string, spans: Span[]): string[] => spans.map((s) => text.slice(s.start, s.end));
  it('drops what a model address adds around a number a rule identified as something else', () => {
    const text = 'her mobile is 07700 900 372 if she is out';
    const model = [span(text, '07700 900 372 if', 'ADDRESS', 'model')];
    expect(withoutIdentifierRunOns(text, model, [span(text, '07700 900 372', 'PHONE', 'rule')])).toEqual([]);
  });
  it('keeps the capitalised words of such a span, and a span with a house number of its own', () => {
    const text = 'Pronajímatel: Jiří Kučera, nar. 14. 8. 1966, bytem Lipová 12';
    const model = [span(text, 'Jiří Kučera, nar. 14. 8. 1966', 'ADDRESS', 'model'), span(text, 'Lipová 12', 'ADDRESS', 'model')];
    const rules = [span(text, '14. 8. 1966', 'DATE_OF_BIRTH', 'rule')];
    expect(parts(text, withoutIdentifierRunOns(text, model, rules))).toEqual(['Jiří Kučera', 'Lipová 12']);
    const street = 'Lipová 12, tel. 602 123 456';
    const whole = [span(street, street, 'ADDRESS', 'model')];
    expect(parts(street, withoutIdentifierRunOns(street, whole, [span(street, '602 123 456', 'PHONE', 'rule')]))).toEqual([street]);
  });
});

describe('expandToWords', () => {
  it('widens to word boundaries but not across spaces or punctuation', () => {
    const text = "x O'Neil-Smith, y";
    expect(expandToWords(text, 4, 6)).toEqual([2, 14]);
  });
});

// Integration with the real transformers.js pipeline output shape, using the synthetic fixture model
// (a fixed lexicon: it checks the plumbing, never quality).
const fixtures = path.resolve(__dirname, '../../fixtures/models');
describe('with the tiny fixture model in transformers.js', () => {
  it('redacts the lexicon names found by the pipeline', async () => {
    const { loadNerFromDir } = await import('../../../utils/anonymize/node-ner');
    const ner = await loadNerFromDir(path.join(fixtures, 'tiny-ner-lexicon'));
    const result = await anonymize('Sarah Müller-Johnson flew from Paris to London, call +44 20 7946 0958.', { ner });
    expect(result.redacted).toBe('[PERSON] flew from [LOCATION] to [LOCATION], call [PHONE].');
  }, 60_000);
});
