import { originSchema } from '../wire/signal';

export type OriginParse = { ok: true; origin: string } | { ok: false; error: string };

/**
 * Reads what a person types as a site ("example.com", "https://example.com/page") into the
 * exact http(s) origin the site rules are keyed by. A bare host means https.
 */
export function parseOriginInput(input: string): OriginParse {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, error: 'Enter a site, for example https://example.com' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: 'That is not a web address' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: 'Only http and https sites can have rules' };
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { ok: false, error: 'Enter a full host name, for example example.com' };
  }
  const parsed = originSchema.safeParse(url.origin);
  return parsed.success ? { ok: true, origin: parsed.data } : { ok: false, error: 'That is not a valid site origin' };
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
