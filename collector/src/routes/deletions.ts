import type { FastifyInstance } from 'fastify';
import { deletionRoute } from '../../../utils/collector-api/extension';
import { handleDeletion, type DeletionDeps } from '../services/deletion';
import { fromContract, typed } from './contract';

export function deletionRoutes(deps: DeletionDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    typed(app).route({ ...fromContract(deletionRoute), handler: async (req) => ({ receipt: await handleDeletion(deps, req.body) }) });
  };
}
