import { describe, expect, it } from 'vitest';
import { CALENDAR_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES } from '../../../utils/anonymize/rules/calendar';

describe('calendar words from the platform locale data', () => {
  it('holds month names alone and inside a date (genitive), in Latin, Greek and Cyrillic script', () => {
    for (const name of ['January', 'März', 'août', 'stycznia', 'ledna', 'января', 'Ιανουαρίου', 'augusti']) expect(MONTH_NAMES).toContain(name);
  });

  it('holds weekday names and abbreviations without their full stop', () => {
    for (const name of ['Wednesday', 'Mittwoch', 'miércoles']) expect(WEEKDAY_NAMES).toContain(name);
    for (const name of ['janv', 'Okt', 'Tue']) expect(CALENDAR_ABBREVIATIONS).toContain(name);
  });

  it('leaves out abbreviations of one or two letters, which are ordinary words or initials elsewhere', () => {
    expect(CALENDAR_ABBREVIATIONS.filter((n) => n.length < 3)).toEqual([]);
    expect(CALENDAR_ABBREVIATIONS).not.toContain('st');
  });
});
