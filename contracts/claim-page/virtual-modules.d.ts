declare module 'virtual:claim-messages' {
  import type { ChromeMessages } from '../../utils/i18n/catalogue';
  /** Locale → the claim page's messages, as contracts/claim-page/build.ts embeds them. */
  const catalogues: Record<string, ChromeMessages>;
  export default catalogues;
}
