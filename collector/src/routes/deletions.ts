import type { FastifyInstance } from 'fastify';
import { handleDeletion, type DeletionDeps } from '../services/deletion';

export function deletionRoutes(deps: DeletionDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/v1/deletions', async (req) => ({ receipt: await handleDeletion(deps, req.body) }));
  };
}
