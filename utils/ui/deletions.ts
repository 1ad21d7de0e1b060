import { uiRequestSchema } from '../protocol/ui';
import { i18n } from '#i18n';

/**
 * A deletion record's scope in words. The background stores the scope as the JSON of the
 * `delete` request's scope; anything else (an older format) is shown as stored.
 */
export function describeScope(stored: string): string {
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return stored;
  }
  // Validated as the request it came from, so the scope rules live in one place.
  const parsed = uiRequestSchema.safeParse({ type: 'delete', scope: json });
  if (!parsed.success || parsed.data.type !== 'delete') return stored;
  const s = parsed.data.scope;
  switch (s.kind) {
    case 'all':
      return i18n.t('deletions.scopeEverything');
    case 'site':
      return i18n.t('deletions.scopeSite', [s.origin]);
    case 'day':
      return i18n.t('deletions.scopeDay', [s.day]);
    case 'items':
      return i18n.t('deletions.scopeItems', s.ids.length);
  }
}
