// Serves the governance page (contracts/governance-page) under /governance/: members delegate,
// propose, vote, queue and execute with their own wallets; the page asks this collector only
// which community it obeys (GET /v1/policy).
import type { FastifyInstance } from 'fastify';
import { buildGovernancePage, GOVERNANCE_PAGE_DIST } from '../../../contracts/governance-page/build';
import { ensurePage, servePage } from './collector-page';

export const ensureGovernancePage = (distDir = GOVERNANCE_PAGE_DIST): Promise<string> =>
  ensurePage(distDir, (outDir) => buildGovernancePage({ outDir, base: '/governance/' }));

export function governancePageRoutes(distDir?: string) {
  return async (app: FastifyInstance): Promise<void> => servePage(app, 'governance', await ensureGovernancePage(distDir));
}
