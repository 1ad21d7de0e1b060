/**
 * Every web page: the site access asked for at opt-in, never at install (an optional host
 * permission in the manifest, requested by the popup).
 */
export const SITE_ORIGINS = ['http://*/*', 'https://*/*'];
