// Bundles one of the pages the collector serves (claim page, governance page) with vite: Preact,
// and the page's messages (`<prefix>.*`) of every locale read from the extension's own catalogues
// (locales/<lang>.yml) at build time as `virtual:page-messages`.
import { build, type Plugin } from 'vite';
import { chromeMessages, localeNames } from '../utils/i18n/locale-files';

function pageMessages(prefix: string): Plugin {
  const id = 'virtual:page-messages';
  return {
    name: 'tributary:page-messages',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const catalogues = Object.fromEntries(await Promise.all(localeNames().map(async (locale) => [locale, await chromeMessages(locale, prefix)])));
      return `export default ${JSON.stringify(catalogues)};`;
    },
  };
}

export interface BuildPageOptions {
  /** The page's folder (index.html, main.tsx). */
  root: string;
  outDir: string;
  /** URL path the page is served under; asset URLs are prefixed with it. */
  base: string;
  /** Its messages' key prefix in locales/<lang>.yml. */
  messages: string;
}

export async function buildPage({ root, outDir, base, messages }: BuildPageOptions): Promise<string> {
  await build({
    root,
    base,
    configFile: false,
    plugins: [pageMessages(messages)],
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  return outDir;
}
