// Month and weekday names in the languages the rules read labels in, from the platform's locale data
// rather than lists written out per language: long forms, the form inside a date (the genitive of
// "5 января", "5. ledna") and the abbreviations ("janv.", "Mi", "pt.").
const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'cs', 'sk', 'sv', 'da', 'nb', 'fi', 'et', 'lv', 'lt', 'hu', 'ro', 'hr', 'sl', 'tr', 'el', 'ru', 'uk'];

const MONTHS = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2000, m, 15)));
// 2 January 2000 was a Sunday; any seven days in a row would do.
const WEEKDAYS = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2000, 0, 2 + d)));

function monthInDate(locale: string, width: 'long' | 'short'): string[] {
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: width, timeZone: 'UTC' });
  return MONTHS.map((d) => format.formatToParts(d).find((p) => p.type === 'month')?.value ?? '');
}

function formatted(locale: string, options: Intl.DateTimeFormatOptions, dates: Date[]): string[] {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return dates.map((d) => format.format(d));
}

/** A name without its abbreviation's full stop, and only if it is a word (no digits, no empty part). */
function words(names: string[]): string[] {
  return [...new Set(names.map((n) => n.replace(/\.$/u, '')).filter((n) => n !== '' && !/\d/u.test(n)))];
}

/** Month names written out, alone and inside a date, in every locale. */
export const MONTH_NAMES: readonly string[] = words(
  LOCALES.flatMap((l) => [...formatted(l, { month: 'long' }, MONTHS), ...monthInDate(l, 'long')]),
).filter((n) => n.length > 2);

/** Weekday names written out, in every locale. */
export const WEEKDAY_NAMES: readonly string[] = words(LOCALES.flatMap((l) => formatted(l, { weekday: 'long' }, WEEKDAYS)));

/**
 * Abbreviated month and weekday names of three letters or more, in every locale, without their full stop:
 * shorter ones ("st", "po", "P") are also ordinary words or initials in one of the other languages.
 */
export const CALENDAR_ABBREVIATIONS: readonly string[] = words(
  LOCALES.flatMap((l) => [
    ...formatted(l, { month: 'short' }, MONTHS),
    ...monthInDate(l, 'short'),
    ...formatted(l, { weekday: 'short' }, WEEKDAYS),
  ]),
).filter((n) => n.length > 2);
