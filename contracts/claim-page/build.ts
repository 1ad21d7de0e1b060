// Bundles the claim page into contracts/claim-page/dist/ for the collector to serve statically.
// Run: npx tsx contracts/claim-page/build.ts
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'vite';
import { chromeMessages, localeNames } from '../../utils/i18n/locale-files';

const pageDir = dirname(fileURLToPath(import.meta.url));
export const CLAIM_PAGE_DIST = join(pageDir, 'dist');

export interface BuildClaimPageOptions {
  outDir?: string;
  /** URL path the page is served under; asset URLs are prefixed with it. */
  base?: string;
}

/**
 * `virtual:claim-messages`: the claim page's messages (`claim.*`) of every locale, read from the
 * extension's own catalogues (locales/<lang>.yml) at build time.
 */
function claimMessages(): Plugin {
  const id = 'virtual:claim-messages';
  return {
    name: 'tributary:claim-messages',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const catalogues = Object.fromEntries(await Promise.all(localeNames().map(async (locale) => [locale, await chromeMessages(locale, 'claim')])));
      return `export default ${JSON.stringify(catalogues)};`;
    },
  };
}

export async function buildClaimPage({ outDir = CLAIM_PAGE_DIST, base = '/claim/' }: BuildClaimPageOptions = {}): Promise<string> {
  await build({
    root: pageDir,
    base,
    configFile: false,
    plugins: [claimMessages()],
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  return outDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`claim page built into ${await buildClaimPage()}`);
}
