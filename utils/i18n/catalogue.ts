/**
 * Reading a message catalogue the way the browser's `i18n.getMessage` and @wxt-dev/i18n do, for
 * the places that have no extension API: the collector's claim page, and unit tests.
 */

/** Messages of one locale as the extension ships them: `_locales/<lang>/messages.json`. */
export type ChromeMessages = Record<string, { message: string }>;

/** The first of the reader's languages the catalogue has (exact tag, then its base language), else the fallback. */
export function chooseLocale(preferred: readonly string[], available: readonly string[], fallback: string): string {
  const normalized = new Map(available.map((locale) => [locale.toLowerCase().replace('-', '_'), locale]));
  for (const tag of preferred) {
    const lower = tag.toLowerCase().replace('-', '_');
    const match = normalized.get(lower) ?? normalized.get(lower.split('_')[0]!);
    if (match) return match;
  }
  return fallback;
}

/**
 * `$1`…`$9` replaced by the substitutions and `$$` by `$`, as getMessage does; with a count, the
 * plural form @wxt-dev/i18n picks from "one | many" (or "zero | one | many").
 */
export function formatMessage(message: string, substitutions: readonly (string | number)[] = [], count?: number): string {
  let text = message;
  if (count !== undefined) {
    const forms = message.split(' | ');
    text = forms.length === 3 ? forms[Math.min(count, 2)]! : forms.length === 2 ? forms[count === 1 ? 0 : 1]! : forms[0]!;
  }
  return text.replace(/\$(\$|[1-9])/g, (_, ref: string) => (ref === '$' ? '$' : String(substitutions[Number(ref) - 1] ?? '')));
}
