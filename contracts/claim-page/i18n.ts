// The claim page is served by the collector, not the extension, so it has no browser.i18n: it
// carries the `claim.*` messages of the extension's catalogues and follows the reader's languages.
import catalogues from 'virtual:page-messages';
import type { GeneratedI18nStructure } from '#i18n';
import { chooseLocale, formatMessage } from '../../utils/i18n/catalogue';

export type ClaimMessageKey = Extract<keyof GeneratedI18nStructure, `claim.${string}`>;

const FALLBACK = 'en';
export const locale = chooseLocale(navigator.languages, Object.keys(catalogues), FALLBACK);

export function t(key: ClaimMessageKey, substitutions: readonly (string | number)[] = []): string {
  const name = key.replaceAll('.', '_');
  const entry = catalogues[locale]?.[name] ?? catalogues[FALLBACK]?.[name];
  return entry ? formatMessage(entry.message, substitutions) : key;
}
