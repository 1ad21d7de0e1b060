import type { FastifyInstance } from 'fastify';
import { ingestBundle, type IngestDeps } from '../services/ingest';

export function bundleRoutes(deps: IngestDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/v1/bundles', async (req) => ingestBundle(deps, req.body));
  };
}
