import { z } from 'zod';
import { browser } from 'wxt/browser';

/** Which parts of a visit the user lets the observer record. */
export const signalTogglesSchema = z.object({
  text: z.boolean(),
  dwell: z.boolean(),
  scroll: z.boolean(),
});
export type SignalToggles = z.infer<typeof signalTogglesSchema>;

export const siteRuleSchema = z.enum(['allow', 'deny']);
export type SiteRule = z.infer<typeof siteRuleSchema>;

export const consentSchema = z.object({
  optedIn: z.boolean(),
  optedInAt: z.number().nullable(),
  pausedUntil: z.number().nullable(),
  signals: signalTogglesSchema,
  reviewBeforeSending: z.boolean(),
  siteRules: z.record(z.string(), siteRuleSchema),
});
export type Consent = z.infer<typeof consentSchema>;

/** Off by default: nothing is collected until the user says so in the popup. */
export const DEFAULT_CONSENT: Consent = {
  optedIn: false,
  optedInAt: null,
  pausedUntil: null,
  signals: { text: true, dwell: true, scroll: true },
  reviewBeforeSending: false,
  siteRules: {},
};

/** Paused by the user: nothing is observed and nothing is sent until `pausedUntil`. */
export function isPaused(consent: Consent, now: number): boolean {
  return consent.pausedUntil !== null && now < consent.pausedUntil;
}

const KEY = 'consent';

export async function readConsent(): Promise<Consent> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = consentSchema.safeParse(stored);
  // A corrupt or missing record must never read as consent.
  return parsed.success ? parsed.data : DEFAULT_CONSENT;
}

export async function updateConsent(change: (c: Consent) => Consent): Promise<Consent> {
  const next = consentSchema.parse(change(await readConsent()));
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
