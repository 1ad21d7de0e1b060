import { originSchema } from '../wire/signal';
import { i18n } from '#i18n';

export type OriginParse = { ok: true; origin: string } | { ok: false; error: string };

/**
 * Reads what a person types as a site ("example.com", "https://example.com/page") into the
 * exact http(s) origin the site rules are keyed by. A bare host means https.
 */
export function parseOriginInput(input: string): OriginParse {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, error: i18n.t('sites.enterSite') };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: i18n.t('sites.notAnAddress') };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: i18n.t('sites.onlyHttp') };
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { ok: false, error: i18n.t('sites.fullHost') };
  }
  const parsed = originSchema.safeParse(url.origin);
  return parsed.success ? { ok: true, origin: parsed.data } : { ok: false, error: i18n.t('sites.invalidOrigin') };
}

/** The origin of a tab the extension could collect from, or null (new tab page, extension pages, files). */
export function collectableOrigin(tabUrl: string | undefined): string | null {
  if (!tabUrl) return null;
  try {
    const url = new URL(tabUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
