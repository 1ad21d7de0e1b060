import type { FastifyInstance } from 'fastify';
import { handleDeletion, type DeletionDeps } from '../services/deletion';
import type { DeviceLimit } from '../server';

export function deletionRoutes(deps: DeletionDeps, deviceLimit: DeviceLimit) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/v1/deletions', async (req) => {
      deviceLimit(req.body);
      return { receipt: await handleDeletion(deps, req.body) };
    });
  };
}
