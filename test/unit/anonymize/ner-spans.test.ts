import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymize } from '../../../utils/anonymize/index';
import { expandToWords, nerSpans } from '../../../utils/anonymize/ner-spans';
import type { NerToken } from '../../../utils/anonymize/types';

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
