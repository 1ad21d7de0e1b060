// Node-only: the message catalogues as files (locales/<lang>.yml), for the claim page's build and tests.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { generateChromeMessages, parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import type { ChromeMessages } from './catalogue';

export const LOCALES_DIR = path.resolve(import.meta.dirname, '../../locales');
export const DEFAULT_LOCALE = 'en';

export function localeNames(dir: string = LOCALES_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yml'))
    .map((file) => file.slice(0, -'.yml'.length))
    .sort();
}

export async function parseLocale(locale: string, dir: string = LOCALES_DIR): Promise<ParsedMessage[]> {
  return parseMessagesFile(path.join(dir, `${locale}.yml`));
}

/** One locale's messages as the extension ships them, optionally only the keys under a prefix (`claim`). */
export async function chromeMessages(locale: string, prefix?: string, dir: string = LOCALES_DIR): Promise<ChromeMessages> {
  const messages = generateChromeMessages(await parseLocale(locale, dir));
  if (!prefix) return messages;
  return Object.fromEntries(Object.entries(messages).filter(([key]) => key.startsWith(`${prefix}_`)));
}
