// Extension pages read their strings through browser.i18n.getMessage, which the fake browser does
// not implement: unit tests get the English catalogue, read as the browser reads it.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage } from '@/utils/i18n/catalogue';
import { chromeMessages, DEFAULT_LOCALE } from '@/utils/i18n/locale-files';

const messages = await chromeMessages(DEFAULT_LOCALE);

fakeBrowser.i18n.getMessage = (name: string, substitutions?: string | (string | number)[]) => {
  const entry = messages[name];
  if (!entry) return '';
  return formatMessage(entry.message, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []));
};
