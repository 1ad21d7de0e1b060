import type { FastifyInstance } from 'fastify';

// Only extension pages may call the collector from a browser; web pages get no
// CORS grant. (An MV3 service worker with host_permissions does not need this,
// but popup/dashboard pages and manifests without them do.)
const EXTENSION_ORIGIN = /^(chrome|moz|safari-web)-extension:\/\/[a-z0-9-]{1,64}$/i;

/** Installed on the root instance (not registered) so the hook covers every route. */
export function installCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (typeof origin === 'string' && EXTENSION_ORIGIN.test(origin)) {
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    }
  });
  app.options('/*', { schema: { hide: true } }, async (_req, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '600')
      .send(),
  );
}
