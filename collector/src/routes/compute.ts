import type { FastifyInstance } from 'fastify';
import { computeDeviceRoute, computeJobRoute, computeResultRoute, indexSearchRoute } from '../../../utils/collector-api/compute';
import { acceptResult, deviceCompute, issueJob, type ComputeDeps } from '../compute/jobs';
import { searchIndex } from '../compute/search';
import { fromContract, typed } from './contract';

export function computeRoutes(deps: ComputeDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const api = typed(app);
    api.route({ ...fromContract(computeJobRoute), handler: async (req) => ({ job: await issueJob(deps, req.body) }) });
    api.route({ ...fromContract(computeResultRoute), handler: async (req) => acceptResult(deps, req.body) });
    api.route({ ...fromContract(computeDeviceRoute), handler: async (req) => deviceCompute(deps, req.params.devicePub) });
    api.route({ ...fromContract(indexSearchRoute), handler: async (req) => searchIndex(deps.store.db, deps.embedder, req.query.q, req.query.k) });
  };
}
