import type { PageObservation } from '../protocol/page-observer';

/** The browser's own language detector (`i18n.detectLanguage`, CLD in Chromium), as the observation needs it. */
export interface LanguageDetection {
  isReliable: boolean;
  languages: { language: string; percentage: number }[];
}
export type DetectLanguage = (text: string) => Promise<LanguageDetection>;

/** Below this share of the text a detected language is a guess, not what the page is written in. */
const MIN_SHARE = 60;
/** Shorter texts give the detector too little to go on. */
const MIN_CHARS = 80;

const primary = (tag: string) => tag.split(/[-_]/)[0]!.toLowerCase();

/**
 * The language of a page's text: what the page declares (`<html lang>`), unless the text says
 * reliably that it is written in another, or the page declares nothing. Many pages omit `lang` or
 * keep a template's `en`, and the anonymizer and the embeddings depend on it. A declared tag that
 * agrees keeps its region (`en-GB`).
 */
export function textLanguage(declared: string | undefined, detection: LanguageDetection | undefined): string | undefined {
  const top = detection?.isReliable ? detection.languages[0] : undefined;
  if (!top || top.language === 'und' || top.percentage < MIN_SHARE) return declared;
  if (declared && primary(declared) === primary(top.language)) return declared;
  return top.language;
}

/** The observation with its language decided from its text; a detector that fails leaves the declared one. */
export async function withTextLanguage(observation: PageObservation, detect: DetectLanguage): Promise<PageObservation> {
  if (observation.text.length < MIN_CHARS) return observation;
  const detection = await detect(observation.text).catch(() => undefined);
  const lang = textLanguage(observation.lang, detection);
  return lang === undefined ? observation : { ...observation, lang };
}
