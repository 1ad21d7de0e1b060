import type { FastifyInstance } from 'fastify';
import { submitBundleRoute } from '../../../utils/collector-api/extension';
import { ingestBundle, type IngestDeps } from '../services/ingest';
import { fromContract, typed } from './contract';

export function bundleRoutes(deps: IngestDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    typed(app).route({ ...fromContract(submitBundleRoute), handler: async (req) => ingestBundle(deps, req.body) });
  };
}
