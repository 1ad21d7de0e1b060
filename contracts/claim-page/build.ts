// Bundles the claim page into contracts/claim-page/dist/ for the collector to serve statically.
// Run: npx tsx contracts/claim-page/build.ts
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildPage } from '../page-build';

const pageDir = dirname(fileURLToPath(import.meta.url));
export const CLAIM_PAGE_DIST = join(pageDir, 'dist');

export interface BuildClaimPageOptions {
  outDir?: string;
  /** URL path the page is served under; asset URLs are prefixed with it. */
  base?: string;
}

export function buildClaimPage({ outDir = CLAIM_PAGE_DIST, base = '/claim/' }: BuildClaimPageOptions = {}): Promise<string> {
  return buildPage({ root: pageDir, outDir, base, messages: 'claim' });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`claim page built into ${await buildClaimPage()}`);
}
