// Serves one of the pages built from contracts/ (the claim page, the governance page) statically
// under its prefix, on the collector's own origin, with a CSP that allows only that origin.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Builds the page once if its dist/ is missing; concurrent starters each build aside and the first rename wins. */
export async function ensurePage(distDir: string, build: (outDir: string) => Promise<unknown>): Promise<string> {
  if (existsSync(join(distDir, 'index.html'))) return distDir;
  const aside = `${distDir}.build-${process.pid}-${randomBytes(4).toString('hex')}`;
  await build(aside);
  try {
    renameSync(aside, distDir);
  } catch (err) {
    rmSync(aside, { recursive: true, force: true });
    if (!existsSync(join(distDir, 'index.html'))) throw err;
  }
  return distDir;
}

/** Inline <style> blocks are allowed by hash; nothing else inline, nothing from elsewhere. */
export function pageCsp(indexHtml: string): string {
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

/** `/<name>/` serves `root`; `/<name>` redirects there keeping the query (the page's relative asset URLs need the slash). */
export async function servePage(app: FastifyInstance, name: string, root: string): Promise<void> {
  const csp = pageCsp(readFileSync(join(root, 'index.html'), 'utf8'));
  await app.register(fastifyStatic, {
    root,
    prefix: `/${name}/`,
    decorateReply: false,
    setHeaders: (res) => {
      res.setHeader('content-security-policy', csp);
      res.setHeader('x-content-type-options', 'nosniff');
      // A page's URL may carry one-time parameters: never send it onwards.
      res.setHeader('referrer-policy', 'no-referrer');
      res.setHeader('cache-control', 'no-cache');
    },
  });
  app.get(`/${name}`, { schema: { hide: true } }, async (req, reply) => {
    const query = req.url.indexOf('?');
    return reply.redirect(`/${name}/${query >= 0 ? req.url.slice(query) : ''}`, 301);
  });
}
