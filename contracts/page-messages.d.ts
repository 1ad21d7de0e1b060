declare module 'virtual:page-messages' {
  import type { ChromeMessages } from '../utils/i18n/catalogue';
  /** Locale → the page's messages, as contracts/page-build.ts embeds them. */
  const catalogues: Record<string, ChromeMessages>;
  export default catalogues;
}
