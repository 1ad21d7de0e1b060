import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_CONSENT, readConsent, updateConsent, type Consent } from '../../../utils/consent/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

const stored = async (): Promise<unknown> => (await browser.storage.local.get('consent')).consent;

describe('consent settings', () => {
  it('reads as not opted in when nothing is stored', async () => {
    const consent = await readConsent();
    expect(consent.optedIn).toBe(false);
    expect(consent).toEqual(DEFAULT_CONSENT);
  });

  it.each([
    ['a bare true', true],
    ['opted in but missing fields', { optedIn: true }],
    ['opted in with a wrongly typed field', { ...DEFAULT_CONSENT, optedIn: true, pausedUntil: 'never' }],
    ['opted in with an unknown site rule', { ...DEFAULT_CONSENT, optedIn: true, siteRules: { 'https://a.example': 'maybe' } }],
    ['optedIn as a string', { ...DEFAULT_CONSENT, optedIn: 'true' }],
  ])('a corrupt record (%s) reads as the default, never as consent', async (_label, record) => {
    await browser.storage.local.set({ consent: record });
    expect(await readConsent()).toEqual(DEFAULT_CONSENT);
  });

  it('a valid stored record is read back as stored', async () => {
    const consent: Consent = { ...DEFAULT_CONSENT, optedIn: true, optedInAt: 5, siteRules: { 'https://a.example': 'deny' } };
    await browser.storage.local.set({ consent });
    expect(await readConsent()).toEqual(consent);
  });

  it('updateConsent applies the change to the current record and persists it', async () => {
    await updateConsent((c) => ({ ...c, optedIn: true, optedInAt: 1000 }));
    const next = await updateConsent((c) => ({ ...c, signals: { ...c.signals, text: false } }));
    expect(next).toMatchObject({ optedIn: true, optedInAt: 1000, signals: { text: false, dwell: true, scroll: true } });
    expect(await stored()).toEqual(next);
    expect(await readConsent()).toEqual(next);
  });

  it('updateConsent rejects an invalid change and leaves the stored record as it was', async () => {
    await updateConsent((c) => ({ ...c, optedIn: true, optedInAt: 1000 }));
    const before = await stored();
    await expect(
      updateConsent((c) => ({ ...c, siteRules: { 'https://a.example': 'sometimes' } }) as unknown as Consent),
    ).rejects.toThrow();
    await expect(updateConsent((c) => ({ ...c, optedIn: 1 }) as unknown as Consent)).rejects.toThrow();
    expect(await stored()).toEqual(before);
  });

  it('updateConsent starts from the default when the stored record is corrupt', async () => {
    await browser.storage.local.set({ consent: { optedIn: true } });
    const next = await updateConsent((c) => ({ ...c, reviewBeforeSending: true }));
    expect(next).toEqual({ ...DEFAULT_CONSENT, reviewBeforeSending: true });
  });
});
