// Serves the wallet claim page (contracts/claim-page) under /claim/, on the collector's own
// origin: the page's signed link message names location.origin, which must be the collector's.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildClaimPage, CLAIM_PAGE_DIST } from '../../../contracts/claim-page/build';

/** Builds the page once if its dist/ is missing; concurrent starters each build aside and the first rename wins. */
export async function ensureClaimPage(distDir = CLAIM_PAGE_DIST): Promise<string> {
  if (existsSync(join(distDir, 'index.html'))) return distDir;
  const aside = `${distDir}.build-${process.pid}-${randomBytes(4).toString('hex')}`;
  await buildClaimPage({ outDir: aside, base: '/claim/' });
  try {
    renameSync(aside, distDir);
  } catch (err) {
    rmSync(aside, { recursive: true, force: true });
    if (!existsSync(join(distDir, 'index.html'))) throw err;
  }
  return distDir;
}

/** Inline <style> blocks are allowed by hash; nothing else inline, nothing from elsewhere. */
export function claimPageCsp(indexHtml: string): string {
  const styleHashes = [...indexHtml.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`,
  );
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styleHashes.length ? styleHashes.join(' ') : "'none'"}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function claimPageRoutes(distDir?: string) {
  return async (app: FastifyInstance): Promise<void> => {
    const root = await ensureClaimPage(distDir);
    const csp = claimPageCsp(readFileSync(join(root, 'index.html'), 'utf8'));
    await app.register(fastifyStatic, {
      root,
      prefix: '/claim/',
      decorateReply: false,
      setHeaders: (res) => {
        res.setHeader('content-security-policy', csp);
        res.setHeader('x-content-type-options', 'nosniff');
        // The link URL carries the nonce and device signature: never send it onwards.
        res.setHeader('referrer-policy', 'no-referrer');
        res.setHeader('cache-control', 'no-cache');
      },
    });
    // The page's relative asset URLs need the trailing slash; keep the link's query string.
    app.get('/claim', { schema: { hide: true } }, async (req, reply) => {
      const query = req.url.indexOf('?');
      return reply.redirect(`/claim/${query >= 0 ? req.url.slice(query) : ''}`, 301);
    });
  };
}
