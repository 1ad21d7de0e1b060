import { describe, expect, it } from 'vitest';
import { withNameTails } from '../../../utils/anonymize/name-tail';
import { nerSpans } from '../../../utils/anonymize/ner-spans';
import { employerSpans } from '../../../utils/anonymize/rules/employer';
import { personContextSpans } from '../../../utils/anonymize/rules/person-context';
import { residenceSpans } from '../../../utils/anonymize/rules/residence';
import { selfNamingSpans } from '../../../utils/anonymize/rules/self-naming';
import type { NerToken, Span } from '../../../utils/anonymize/types';
import { found } from '../support/rule-spans';

let index = 0;
const tok = (word: string, entity = 'O', score = 0.99): NerToken => ({ word, entity, score, index: ++index });
const texts = (text: string, tokens: NerToken[]): string[] => nerSpans(text, tokens).map((s) => text.slice(s.start, s.end));

describe('a given name after a kin word, in more languages', () => {
  it.each([
    ['te paso el número de mi prima Ximena, llámala', ['Ximena']],
    ['o contacto do meu tio Ademar é este', ['Ademar']],
    ['Мой сын Тимофей ходит в бассейн', ['Тимофей']],
    ['Моя дочка Злата заболела', ['Злата']],
  ])('%j', (text, names) => {
    expect(found(personContextSpans, text)).toEqual(names);
  });
  it('leaves a kin word before a common noun', () => {
    expect(found(personContextSpans, 'mi primo coche fue rojo')).toEqual([]);
  });
});

describe('how a writer names themselves, in more languages', () => {
  it.each([
    ['Oi, aqui é a Jussara! Me liga depois', ['Jussara']],
    ['Cześć, tu Bożena! Oddzwoń proszę', ['Bożena']],
    ['Привет, это Ярослав, сохрани номер', ['Ярослав']],
  ])('%j', (text, names) => {
    expect(found(selfNamingSpans, text)).toEqual(names);
  });
  it('needs a greeting or nothing before the cue, and a pause after the name', () => {
    expect(found(selfNamingSpans, 'Sprawdź tu Regulamin, proszę')).toEqual([]);
    expect(found(selfNamingSpans, 'Cześć, tu Warszawa jest piękna')).toEqual([]);
  });
  it.each([
    ['Добрий день! Я Ганна Левчук, пишу щодо замовлення', ['Ганна Левчук']],
    ['Здравствуйте, меня зовут Прохор Зуев.', ['Прохор Зуев']],
    ['Καλησπέρα, είμαι η Δάφνη Καραλή και', ['Δάφνη Καραλή']],
  ])('%j', (text, names) => {
    expect(found(personContextSpans, text)).toEqual(names);
  });
});

describe('a greeting the model takes for a name', () => {
  it('drops a model span that is a greeting or its second word', () => {
    expect(texts('Здравствуйте, заказ пришёл', [tok('здравствуите', 'B-PER'), tok(','), tok('заказ'), tok('пришел')])).toEqual([]);
    expect(texts('Grüß Gott, Herr Rainalter', [tok('gruß'), tok('gott', 'B-PER'), tok(','), tok('herr'), tok('rain', 'B-PER'), tok('##alter', 'I-PER')])).toEqual(['Rainalter']);
  });
  it('keeps a name that only follows a greeting', () => {
    expect(texts('Привет Святослав', [tok('привет'), tok('святослав', 'B-PER')])).toEqual(['Святослав']);
  });
});

describe('where someone works or goes to school, said in a sentence', () => {
  it.each([
    ['Trabajo en Óptica Miravalle en Murcia; llámame', ['Óptica Miravalle']],
    ['а муж работает в Ростелекоме уже год', ['Ростелекоме']],
    ['Unser Sohn geht auf die Realschule am Lindenbühl, Klasse 7', ['Realschule am Lindenbühl']],
    ['mój syn chodzi do Szkoły Podstawowej nr 41 w Radomiu', ['Szkoły Podstawowej nr 41']],
    ['I work at Quillstone Analytics.', ['Quillstone Analytics']],
    ['she works for Brambleway Ltd. now', ['Brambleway Ltd.']],
  ])('%j', (text, orgs) => {
    expect(found(employerSpans, text)).toEqual(orgs);
  });
  it('takes no lowercase words and no other verb', () => {
    expect(found(employerSpans, 'I work at night and it works for me')).toEqual([]);
    expect(found(employerSpans, 'the bus goes to Leeds at noon')).toEqual([]);
  });
});

describe('where a writer introduced by full name is from', () => {
  it('reads the place after a whole name', () => {
    expect(found(residenceSpans, 'Grüß Gott, ich bin Henrike Vollmar aus Rosenheim, erreichbar')).toEqual(['Rosenheim']);
  });
});

describe('a surname in capitals after a name in capitals', () => {
  const person = (text: string, word: string): Span => ({ type: 'PERSON', start: text.indexOf(word), end: text.indexOf(word) + word.length, source: 'model' });
  const tails = (text: string, word: string): string[] => withNameTails(text, [person(text, word)]).map((s) => text.slice(s.start, s.end));
  it('grows the name over it', () => {
    expect(tails('ΟΝΟΜΑ: ΣΠΥΡΙΔΩΝ ΖΑΦΕΙΡΟΠΟΥΛΟΣ', 'ΣΠΥΡΙΔΩΝ')).toEqual(['ΣΠΥΡΙΔΩΝ ΖΑΦΕΙΡΟΠΟΥΛΟΣ']);
    expect(tails('NAME: BRONISŁAW ZAWADZKI', 'BRONISŁAW')).toEqual(['BRONISŁAW ZAWADZKI']);
  });
  it('stops at the next field, the next line and a capitalised name', () => {
    expect(tails('BRONISŁAW NIP: 5260001122', 'BRONISŁAW')).toEqual(['BRONISŁAW']);
    expect(tails('BRONISŁAW\nZAWADZKI', 'BRONISŁAW')).toEqual(['BRONISŁAW']);
    expect(tails('Bronisław ZUS today', 'Bronisław')).toEqual(['Bronisław']);
  });
});
