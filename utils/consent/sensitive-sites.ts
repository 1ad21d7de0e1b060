/**
 * Default list of places Tributary never observes. Host rules can be overridden per site by the
 * user (an "allow" rule); page-kind rules (login, checkout, account pages) cannot, because those
 * pages hold credentials and payment data on any site.
 */
export type SensitiveCategory =
  | 'banking'
  | 'health'
  | 'adult'
  | 'government'
  | 'webmail'
  | 'password-manager'
  | 'login'
  | 'checkout';

const HOST_SUFFIXES: Record<string, SensitiveCategory> = {
  // webmail
  'mail.google.com': 'webmail', 'outlook.live.com': 'webmail', 'outlook.office.com': 'webmail',
  'mail.yahoo.com': 'webmail', 'proton.me': 'webmail', 'protonmail.com': 'webmail', 'mail.proton.me': 'webmail',
  'fastmail.com': 'webmail', 'tutanota.com': 'webmail', 'tuta.com': 'webmail', 'gmx.net': 'webmail',
  'web.de': 'webmail', 'mail.ru': 'webmail', 'zoho.com': 'webmail', 'icloud.com': 'webmail',
  // password managers
  '1password.com': 'password-manager', 'bitwarden.com': 'password-manager', 'lastpass.com': 'password-manager',
  'dashlane.com': 'password-manager', 'keepersecurity.com': 'password-manager', 'nordpass.com': 'password-manager',
  // banking and payments
  'paypal.com': 'banking', 'chase.com': 'banking', 'bankofamerica.com': 'banking', 'wellsfargo.com': 'banking',
  'citi.com': 'banking', 'hsbc.com': 'banking', 'barclays.co.uk': 'banking', 'revolut.com': 'banking',
  'wise.com': 'banking', 'n26.com': 'banking', 'ing.com': 'banking', 'santander.com': 'banking',
  'deutsche-bank.de': 'banking', 'sparkasse.de': 'banking', 'commerzbank.de': 'banking', 'venmo.com': 'banking',
  'coinbase.com': 'banking', 'binance.com': 'banking', 'kraken.com': 'banking', 'stripe.com': 'banking',
  // health
  'mychart.com': 'health', 'patient.info': 'health', 'webmd.com': 'health', 'healthline.com': 'health',
  'zocdoc.com': 'health', 'doctolib.fr': 'health', 'doctolib.de': 'health', 'nhs.uk': 'health',
  'teladoc.com': 'health', 'goodrx.com': 'health', 'betterhelp.com': 'health', 'talkspace.com': 'health',
  // adult
  'pornhub.com': 'adult', 'xvideos.com': 'adult', 'xnxx.com': 'adult', 'xhamster.com': 'adult',
  'onlyfans.com': 'adult', 'chaturbate.com': 'adult', 'redtube.com': 'adult', 'youporn.com': 'adult',
  // government identity and tax
  'login.gov': 'government', 'irs.gov': 'government', 'ssa.gov': 'government', 'id.me': 'government',
  'gov.uk': 'government', 'elster.de': 'government', 'impots.gouv.fr': 'government', 'ameli.fr': 'government',
};

/** Host words that mark a category wherever they appear as a whole label part. */
const HOST_WORDS: [RegExp, SensitiveCategory][] = [
  [/(^|[.-])(bank|banking|banque|bancaire|sparkasse|volksbank|creditunion|fcu)([.-]|$)/, 'banking'],
  [/(^|[.-])(webmail|mail)\./, 'webmail'],
  // These three start no ordinary word, so a prefix is enough; "sex" and "adult" do (sextant, adultswim).
  [/(^|[.-])(porn|xxx|nsfw)|(^|[.-])(sex|adult)([.-]|$)/, 'adult'],
  [/(^|[.-])(clinic|hospital|pharmacy|patient|health|medical|therapy)([.-]|$)/, 'health'],
  [/\.gov(\.[a-z]{2})?$|\.gouv\.[a-z]{2}$|\.gob\.[a-z]{2}$|\.bund\.de$/, 'government'],
  [/(^|[.-])(vault|passwords?)([.-]|$)/, 'password-manager'],
];

const LOGIN_PATH = /(^|\/)(log-?in|sign-?in|sign-?up|register|auth|oauth2?|sso|saml|password|reset-password|2fa|mfa|accounts?|my-?account|settings\/security)(\/|$|\.)/i;
const CHECKOUT_PATH = /(^|\/)(checkout|cart|basket|payments?|pay|billing|order-confirmation|wallet)(\/|$|\.)/i;
const LOGIN_HOST = /^(login|signin|auth|accounts|account|id|sso|secure)\./;
const CHECKOUT_HOST = /^(checkout|pay|payments|billing)\./;

export interface SensitiveMatch {
  category: SensitiveCategory;
  /** Whether a per-site "allow" rule may lift it. */
  overridable: boolean;
}

export function sensitiveCategory(url: URL): SensitiveMatch | null {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (LOGIN_HOST.test(host) || LOGIN_PATH.test(url.pathname)) return { category: 'login', overridable: false };
  if (CHECKOUT_HOST.test(host) || CHECKOUT_PATH.test(url.pathname)) return { category: 'checkout', overridable: false };
  for (const [suffix, category] of Object.entries(HOST_SUFFIXES)) {
    if (host === suffix || host.endsWith(`.${suffix}`)) return { category, overridable: true };
  }
  for (const [pattern, category] of HOST_WORDS) {
    if (pattern.test(host)) return { category, overridable: true };
  }
  return null;
}
