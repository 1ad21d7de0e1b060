import { describe, expect, it, vi } from 'vitest';
import { textLanguage, withTextLanguage, type LanguageDetection } from '../../../utils/collect/page-language';
import type { PageObservation } from '../../../utils/protocol/page-observer';

const reliable = (language: string, percentage = 97): LanguageDetection => ({ isReliable: true, languages: [{ language, percentage }] });
const GERMAN = 'Die Stadtwerke haben am Montag angekündigt, den Arbeitspreis für Fernwärme zum 1. Januar um knapp zwölf Prozent zu senken.';

function observation(text: string, lang?: string): PageObservation {
  return { origin: 'https://news.example', title: 'T', text, ...(lang ? { lang } : {}), visitedAt: 0, dwellMs: 5000, scrollDepth: 0.5, interactions: 1 };
}

describe('textLanguage', () => {
  it('takes the text language when the page declares none', () => {
    expect(textLanguage(undefined, reliable('de'))).toBe('de');
  });

  it('takes the text language when the declared one contradicts it (a template left at en)', () => {
    expect(textLanguage('en', reliable('de'))).toBe('de');
  });

  it('keeps a declared tag that agrees, with its region', () => {
    expect(textLanguage('en-GB', reliable('en'))).toBe('en-GB');
    expect(textLanguage('pt_BR', reliable('pt'))).toBe('pt_BR');
  });

  it('keeps the declared tag when the detector is unsure, undecided or finds a mix', () => {
    expect(textLanguage('fr', { isReliable: false, languages: [{ language: 'de', percentage: 99 }] })).toBe('fr');
    expect(textLanguage('fr', reliable('und'))).toBe('fr');
    expect(textLanguage('fr', reliable('de', 55))).toBe('fr');
    expect(textLanguage(undefined, { isReliable: true, languages: [] })).toBeUndefined();
    expect(textLanguage('fr', undefined)).toBe('fr');
  });
});

describe('withTextLanguage', () => {
  it('asks the detector about the text and sets the language', async () => {
    const detect = vi.fn(async () => reliable('de'));
    expect((await withTextLanguage(observation(GERMAN), detect)).lang).toBe('de');
    expect(detect).toHaveBeenCalledWith(GERMAN);
  });

  it('leaves short texts and a failing detector to what the page declares', async () => {
    const detect = vi.fn(async () => reliable('de'));
    expect((await withTextLanguage(observation('Kurz.', 'en'), detect)).lang).toBe('en');
    expect(detect).not.toHaveBeenCalled();
    const failing = vi.fn(async () => Promise.reject(new Error('no detector')));
    expect((await withTextLanguage(observation(GERMAN, 'en'), failing)).lang).toBe('en');
    expect((await withTextLanguage(observation(GERMAN), failing)).lang).toBeUndefined();
  });
});
