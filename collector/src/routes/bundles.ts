import type { FastifyInstance } from 'fastify';
import { ingestBundle, type IngestDeps } from '../services/ingest';
import type { DeviceLimit } from '../server';

export function bundleRoutes(deps: IngestDeps, deviceLimit: DeviceLimit) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/v1/bundles', async (req) => {
      deviceLimit(req.body);
      return ingestBundle(deps, req.body);
    });
  };
}
