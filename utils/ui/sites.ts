import { sensitiveCategory, type SensitiveCategory } from '../consent/sensitive-sites';

const CATEGORY_LABELS: Record<SensitiveCategory, string> = {
  banking: 'banking or payments',
  health: 'health',
  adult: 'adult',
  government: 'government ID or tax',
  webmail: 'webmail',
  'password-manager': 'password manager',
  login: 'login',
  checkout: 'checkout',
};

/**
 * Why a site is excluded by default, in words, or null for an ordinary site. Judged on the
 * origin alone, as site rules are: login and checkout pages are recognised per page at collection.
 */
export function sensitiveReason(origin: string): { reason: string; overridable: boolean } | null {
  const match = sensitiveCategory(new URL(origin));
  return match ? { reason: CATEGORY_LABELS[match.category], overridable: match.overridable } : null;
}

/** What a site rule list says about a sensitive site, given the person's rule for it. */
export function sensitiveNote(origin: string, rule: 'allow' | 'deny'): string | null {
  const s = sensitiveReason(origin);
  if (!s) return null;
  if (rule === 'deny') return `${s.reason} — excluded by default anyway`;
  return s.overridable ? `${s.reason} — excluded by default, allowed by this rule` : `${s.reason} — never collected, even with this rule`;
}
