import { describe, expect, it } from 'vitest';
import { decideCollection } from '../../../utils/consent/policy';
import { DEFAULT_CONSENT, type Consent } from '../../../utils/consent/settings';
import { sensitiveCategory } from '../../../utils/consent/sensitive-sites';

const NOW = Date.UTC(2026, 10, 25, 12);
const optedIn: Consent = { ...DEFAULT_CONSENT, optedIn: true, optedInAt: NOW - 1000 };
const web = (url: string) => ({ url, incognito: false });
const decide = (url: string, consent: Consent = optedIn) => decideCollection(consent, web(url), NOW);
const withRule = (origin: string, rule: 'allow' | 'deny'): Consent => ({ ...optedIn, siteRules: { [origin]: rule } });

describe('decideCollection: consent and context come first', () => {
  it('collects an ordinary web page once opted in', () => {
    expect(decide('https://example.com/articles/rivers')).toEqual({ collect: true });
    expect(decide('http://example.org:8080/')).toEqual({ collect: true });
  });

  it('refuses everything before opt-in, even an allowed site', () => {
    expect(decide('https://example.com/', DEFAULT_CONSENT)).toEqual({ collect: false, reason: 'not-opted-in' });
    const allowedButNotOptedIn = { ...DEFAULT_CONSENT, siteRules: { 'https://example.com': 'allow' as const } };
    expect(decide('https://example.com/', allowedButNotOptedIn)).toEqual({ collect: false, reason: 'not-opted-in' });
  });

  it('refuses while paused and collects again once the pause has expired', () => {
    expect(decide('https://example.com/', { ...optedIn, pausedUntil: NOW + 1 })).toEqual({ collect: false, reason: 'paused' });
    expect(decide('https://example.com/', { ...optedIn, pausedUntil: NOW })).toEqual({ collect: true });
    expect(decide('https://example.com/', { ...optedIn, pausedUntil: NOW - 60_000 })).toEqual({ collect: true });
  });

  it('never collects in incognito, whatever the site rule', () => {
    const consent = withRule('https://example.com', 'allow');
    expect(decideCollection(consent, { url: 'https://example.com/', incognito: true }, NOW)).toEqual({
      collect: false,
      reason: 'incognito',
    });
  });

  it.each(['chrome://extensions', 'file:///home/me/notes.html', 'about:blank', 'ftp://example.com/x', 'not a url', ''])(
    'refuses a non-web address: %s',
    (url) => {
      expect(decide(url)).toEqual({ collect: false, reason: 'not-web' });
    },
  );

  it('a deny rule blocks its origin only', () => {
    const consent = withRule('https://example.com', 'deny');
    expect(decide('https://example.com/anything', consent)).toEqual({ collect: false, reason: 'denied-site' });
    expect(decide('https://www.example.com/anything', consent)).toEqual({ collect: true });
    expect(decide('http://example.com/anything', consent)).toEqual({ collect: true });
  });
});

describe('decideCollection: sensitive sites', () => {
  it.each([
    ['https://www.chase.com/personal', 'banking'],
    ['https://online.my-bank.example/overview', 'banking'],
    ['https://www.sparkasse-koeln.example/', 'banking'],
    ['https://mail.google.com/mail/u/0/', 'webmail'],
    ['https://webmail.example.net/', 'webmail'],
    ['https://www.webmd.com/cold-and-flu', 'health'],
    ['https://patient-portal.hospital.example/results', 'health'],
    ['https://www.pornhub.com/', 'adult'],
    ['https://www.porntube.example/', 'adult'],
    ['https://adult-videos.example/', 'adult'],
    ['https://www.sex.example/', 'adult'],
    ['https://www.irs.gov/forms', 'government'],
    ['https://www.tax.service.gov.uk/', 'government'],
    ['https://www.impots.gouv.fr/', 'government'],
    ['https://my.1password.com/vaults', 'password-manager'],
    ['https://vault.example.com/', 'password-manager'],
  ])('%s is %s, blocked by default and liftable by an allow rule', (url, category) => {
    const u = new URL(url);
    expect(sensitiveCategory(u)).toEqual({ category, overridable: true });
    expect(decide(url)).toEqual({ collect: false, reason: 'sensitive' });
    expect(decide(url, withRule(u.origin, 'allow'))).toEqual({ collect: true });
  });

  it('an allow rule for one origin does not lift another sensitive origin', () => {
    expect(decide('https://www.chase.com/', withRule('https://www.wellsfargo.com', 'allow'))).toEqual({
      collect: false,
      reason: 'sensitive',
    });
  });

  it.each([
    ['https://example.com/login', 'login'],
    ['https://example.com/en/Sign-In/', 'login'],
    ['https://example.com/account/orders', 'login'],
    ['https://example.com/oauth2/authorize', 'login'],
    ['https://example.com/settings/security', 'login'],
    ['https://accounts.example.com/', 'login'],
    ['https://sso.example.com/start', 'login'],
    ['https://shop.example.com/checkout', 'checkout'],
    ['https://shop.example.com/cart.php', 'checkout'],
    ['https://pay.example.com/', 'checkout'],
    ['https://billing.example.com/invoices', 'checkout'],
  ])('%s is a %s page that no allow rule lifts', (url, category) => {
    const u = new URL(url);
    expect(sensitiveCategory(u)).toEqual({ category, overridable: false });
    expect(decide(url, withRule(u.origin, 'allow'))).toEqual({ collect: false, reason: 'sensitive' });
  });

  it('a login page on a sensitive host stays blocked under an allow rule', () => {
    expect(decide('https://www.chase.com/login', withRule('https://www.chase.com', 'allow'))).toEqual({
      collect: false,
      reason: 'sensitive',
    });
  });

  it.each([
    'https://mailchimp.com/blog',
    'https://www.bankrate-news.example/rates',
    'https://www.dailymail.co.uk/news',
    'https://www.adultswim.com/videos',
    'https://sextant-navigation.example/history',
    'https://www.healthyrecipes.example/soup',
    'https://www.governance.example/',
    'https://example.com/authors/jane',
    'https://example.com/blog/how-to-login-faster',
    'https://example.com/cartography/maps',
    'https://en.wikipedia.org/wiki/Bank',
    'https://news.ycombinator.com/item?id=1',
  ])('an ordinary page is not sensitive: %s', (url) => {
    expect(sensitiveCategory(new URL(url))).toBeNull();
    expect(decide(url)).toEqual({ collect: true });
  });
});
