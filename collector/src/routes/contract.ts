// Registers routes from the shared HTTP contract (utils/collector-api): fastify parses each
// request with the route's zod schemas and encodes each reply with them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDef } from '../../../utils/collector-api/route';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The error code of a request that does not match the route's schema. */
    invalidRequest?: string;
  }
}

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** The route options a contract route contributes; the caller adds the handler. */
export function fromContract<R extends RouteDef>(
  def: R,
): { method: R['method']; url: R['url']; schema: R['schema']; config: { invalidRequest: string } } {
  return { method: def.method, url: def.url, schema: def.schema, config: { invalidRequest: def.invalidRequest } };
}
