import { describe, expect, it } from 'vitest';
import { nerSpans } from '../../../utils/anonymize/ner-spans';
import { isTitleBeforeName, titleSource } from '../../../utils/anonymize/rules/honorifics';
import { nameHolderSpans } from '../../../utils/anonymize/rules/name-holder';
import { personContextSpans } from '../../../utils/anonymize/rules/person-context';
import type { NerToken } from '../../../utils/anonymize/types';
import { found } from '../support/rule-spans';

let index = 0;
const tok = (word: string, entity = 'O', score = 0.99): NerToken => ({ word, entity, score, index: ++index });
const texts = (text: string, tokens: NerToken[]): string[] => nerSpans(text, tokens).map((s) => text.slice(s.start, s.end));

describe('one list of titles, read as each use needs', () => {
  it('a title a model span starts with stays readable, whichever title the rules know', () => {
    // The model takes the title along with the name; the title names no one.
    expect(texts('Gentile Sig. Varrone, la visita', [tok('gentile'), tok('sig', 'B-PER'), tok('.', 'I-PER'), tok('var', 'I-PER'), tok('##rone', 'I-PER'), tok(','), tok('la'), tok('visita')])).toEqual(['Varrone']);
    expect(texts('Estimado Sr. Quintanar: le', [tok('estimado'), tok('sr', 'B-PER'), tok('.', 'I-PER'), tok('quintanar', 'I-PER'), tok(':'), tok('le')])).toEqual(['Quintanar']);
    expect(texts('son of Shri Dandekar', [tok('son'), tok('of'), tok('shri', 'B-PER'), tok('dande', 'I-PER'), tok('##kar', 'I-PER')])).toEqual(['Dandekar']);
  });
  it('keeps the casing each group needs', () => {
    // Slavic and Spanish titles before a name only in lowercase: capitalised they open a dish or are a given name.
    expect(found(personContextSpans, 'rozmawiałem z pani Wrzosek wczoraj')).toEqual(['Wrzosek']);
    expect(found(personContextSpans, 'Pan Fried Salmon with greens')).toEqual([]);
    expect(found(personContextSpans, 'Don Quarrington called')).not.toContain('Quarrington');
    // "m." is metres in lowercase.
    expect(found(personContextSpans, 'le mur fait 3 m. Haut et large')).toEqual([]);
    expect(found(personContextSpans, 'merci M. Lavergne')).toContain('Lavergne');
  });
  it('the rules that read a name after a title share the list', () => {
    expect(found(nameHolderSpans, 'Kontoinhaber: Prof. Ottmar Kielwein')).toEqual(['Ottmar Kielwein']);
    expect(isTitleBeforeName('Herrn')).toBe(true);
    expect(isTitleBeforeName('Dott.')).toBe(true);
    expect(isTitleBeforeName('Pan')).toBe(false);
    expect(isTitleBeforeName('Henrike')).toBe(false);
  });
  it('a title inside a span is read only capitalised', () => {
    expect(new RegExp(`^(?:${titleSource('inside span')})$`, 'u').test('Dr')).toBe(true);
    expect(new RegExp(`^(?:${titleSource('inside span')})$`, 'u').test('dr')).toBe(false);
  });
});
