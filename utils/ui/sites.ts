import { sensitiveCategory, type SensitiveCategory } from '../consent/sensitive-sites';
import { i18n } from '#i18n';

function categoryLabel(category: SensitiveCategory): string {
  switch (category) {
    case 'banking':
      return i18n.t('category.banking');
    case 'health':
      return i18n.t('category.health');
    case 'adult':
      return i18n.t('category.adult');
    case 'government':
      return i18n.t('category.government');
    case 'webmail':
      return i18n.t('category.webmail');
    case 'password-manager':
      return i18n.t('category.passwordManager');
    case 'login':
      return i18n.t('category.login');
    case 'checkout':
      return i18n.t('category.checkout');
  }
}

/**
 * Why a site is excluded by default, in words, or null for an ordinary site. Judged on the
 * origin alone, as site rules are: login and checkout pages are recognised per page at collection.
 */
export function sensitiveReason(origin: string): { reason: string; overridable: boolean } | null {
  const match = sensitiveCategory(new URL(origin));
  return match ? { reason: categoryLabel(match.category), overridable: match.overridable } : null;
}

/** What a site rule list says about a sensitive site, given the person's rule for it. */
export function sensitiveNote(origin: string, rule: 'allow' | 'deny'): string | null {
  const s = sensitiveReason(origin);
  if (!s) return null;
  if (rule === 'deny') return i18n.t('sites.noteDenied', [s.reason]);
  return s.overridable ? i18n.t('sites.noteAllowed', [s.reason]) : i18n.t('sites.noteNever', [s.reason]);
}
