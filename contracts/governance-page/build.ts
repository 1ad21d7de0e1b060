// Bundles the governance page into contracts/governance-page/dist/ for the collector to serve.
// Run: npx tsx contracts/governance-page/build.ts
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildPage } from '../page-build';

const pageDir = dirname(fileURLToPath(import.meta.url));
export const GOVERNANCE_PAGE_DIST = join(pageDir, 'dist');

export function buildGovernancePage({ outDir = GOVERNANCE_PAGE_DIST, base = '/governance/' }: { outDir?: string; base?: string } = {}): Promise<string> {
  return buildPage({ root: pageDir, outDir, base, messages: 'governance' });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`governance page built into ${await buildGovernancePage()}`);
}
