// Model spans over field labels, greetings and the prose before a title name no one (issue #13, fourth round).
import { describe, expect, it } from 'vitest';
import { isFieldLabel, isOpenerAt } from '../../../utils/anonymize/field-labels';
import { fromInnerTitle } from '../../../utils/anonymize/span-edges';
import type { EntityType, Span } from '../../../utils/anonymize/types';

const span = (text: string, word: string, type: EntityType = 'ORGANIZATION'): Span => {
  const start = text.indexOf(word);
  return { type, start, end: start + word.length, source: 'model' };
};

describe('field labels', () => {
  it.each([
    ['Curriculum\nData urodzenia: 03.04.1990', 'Data'],
    ['Fecha de nacimiento: 02/02/1970', 'Fecha'],
    ['Patient : X\nN° de sécurité sociale : 2 90 01', 'N° de sécurité sociale'],
    ['Parent/guardian phone: 555 0100', 'Parent'],
  ])('the start of a label with lowercase words: %j', (text, word) => {
    expect(isFieldLabel(text, span(text, word))).toBe(true);
  });
  it.each([
    ['Priyanka: the rent is due', 'Priyanka'],
    ['Yusuf Demir: yarın gelemiyorum', 'Yusuf Demir'],
    ['Anna Berg (anna@example.org) wrote: I disagree', 'Anna Berg'],
    ["Tom's new number: 555 0100", 'Tom'],
    ['Contact person Ida Lund: 555 0100', 'Ida Lund'],
    ['Name: Ida Lund', 'Ida Lund'],
  ])('a speaker, a writer or a value is not a label: %j', (text, word) => {
    expect(isFieldLabel(text, span(text, word, 'PERSON'))).toBe(false);
  });
});

describe('greetings at their place', () => {
  it('the first word of a greeting or a collective salutation', () => {
    const text = 'Dobrý den, pane Novák';
    expect(isOpenerAt(text, span(text, 'Dobrý'))).toBe(true);
    const salutation = 'Szanowni Państwo,\nproszę';
    expect(isOpenerAt(salutation, span(salutation, 'Szanowni', 'PERSON'))).toBe(true);
  });
  it('a name after the greeting is not part of it', () => {
    const text = 'Dobrý den, pane Novák';
    expect(isOpenerAt(text, span(text, 'Novák', 'PERSON'))).toBe(false);
    expect(isOpenerAt('Merhaba Elif', span('Merhaba Elif', 'Merhaba Elif', 'PERSON'))).toBe(false);
  });
});

describe('prose before a title inside a person span', () => {
  const cut = (text: string, body: string): string => {
    const s = fromInnerTitle(text, span(text, body, 'PERSON'));
    return text.slice(s.start, s.end);
  };
  it('the person starts after the title', () => {
    expect(cut('Termin bestätigt mit Frau Dr Okafor.', 'Termin bestätigt mit Frau Dr Okafor')).toBe('Dr Okafor');
    expect(cut('Rendez-vous pris avec le Dr Lemaire', 'Rendez-vous pris avec le Dr Lemaire')).toBe('Lemaire');
  });
  it('names joined by a conjunction or a particle stay whole', () => {
    expect(cut('Peter and Mrs Holt came', 'Peter and Mrs Holt')).toBe('Peter and Mrs Holt');
    expect(cut('Ana de la Fuente y Sra. Ruiz', 'Ana de la Fuente y Sra. Ruiz')).toBe('Ana de la Fuente y Sra. Ruiz');
  });
});
