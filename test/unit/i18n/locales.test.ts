import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '@wxt-dev/i18n/build';
import { chooseLocale, formatMessage } from '@/utils/i18n/catalogue';
import { chromeMessages, DEFAULT_LOCALE, localeNames, parseLocale } from '@/utils/i18n/locale-files';

/** What a translation must keep from the English message: its kind, its plural forms and its substitutions. */
function shape(message: ParsedMessage) {
  const texts = message.type === 'plural' ? Object.values(message.plurals) : [message.message];
  return {
    type: message.type,
    plurals: message.type === 'plural' ? Object.keys(message.plurals).sort() : null,
    // Every $n the message uses, per form ($$ is a literal dollar sign).
    placeholders: texts.map((text) => [...new Set(text.replace(/\$\$/g, '').match(/\$[1-9]/g) ?? [])].sort()),
    named: [...message.namedSubstitutions].sort(),
  };
}

async function shapes(locale: string): Promise<Record<string, ReturnType<typeof shape>>> {
  return Object.fromEntries((await parseLocale(locale)).map((m) => [m.key.join('.'), shape(m)]));
}

describe('message catalogues (locales/*.yml)', () => {
  it('English, German and Spanish are there', () => {
    expect(localeNames()).toEqual(['de', 'en', 'es']);
  });

  it('every locale has exactly the keys of English, each with the same plural forms and placeholders', async () => {
    const english = await shapes(DEFAULT_LOCALE);
    for (const locale of localeNames()) {
      expect(await shapes(locale), locale).toEqual(english);
    }
  });

  it('no translation is left empty', async () => {
    for (const locale of localeNames()) {
      for (const [key, { message }] of Object.entries(await chromeMessages(locale))) {
        expect(message.trim(), `${locale}: ${key}`).not.toBe('');
      }
    }
  });

  it('the store listing fits the stores: description at most 132 characters', async () => {
    for (const locale of localeNames()) {
      const messages = await chromeMessages(locale, 'ext');
      expect(messages.ext_name?.message, locale).toBeTruthy();
      expect(messages.ext_description!.message.length, locale).toBeLessThanOrEqual(132);
    }
  });
});

describe('reading a catalogue without the extension API (claim page)', () => {
  it('picks the reader’s first language the catalogue has, by exact tag or base language', () => {
    expect(chooseLocale(['de-AT', 'en'], ['de', 'en', 'es'], 'en')).toBe('de');
    expect(chooseLocale(['fr-FR', 'es-MX'], ['de', 'en', 'es'], 'en')).toBe('es');
    expect(chooseLocale(['fr'], ['de', 'en', 'es'], 'en')).toBe('en');
  });

  it('substitutes $1…$9 and $$ as getMessage does, and picks plural forms as @wxt-dev/i18n does', () => {
    expect(formatMessage('Claim $1 to $2 for $$5', ['3 TRIB', '0xabc'])).toBe('Claim 3 TRIB to 0xabc for $5');
    expect(formatMessage('$1 item | $1 items', [1], 1)).toBe('1 item');
    expect(formatMessage('$1 item | $1 items', [4], 4)).toBe('4 items');
  });
});
