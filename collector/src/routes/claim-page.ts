// Serves the wallet claim page (contracts/claim-page) under /claim/, on the collector's own
// origin: the page's signed link message names location.origin, which must be the collector's.
import type { FastifyInstance } from 'fastify';
import { buildClaimPage, CLAIM_PAGE_DIST } from '../../../contracts/claim-page/build';
import { ensurePage, servePage } from './collector-page';

export const ensureClaimPage = (distDir = CLAIM_PAGE_DIST): Promise<string> => ensurePage(distDir, (outDir) => buildClaimPage({ outDir, base: '/claim/' }));

export function claimPageRoutes(distDir?: string) {
  return async (app: FastifyInstance): Promise<void> => servePage(app, 'claim', await ensureClaimPage(distDir));
}
