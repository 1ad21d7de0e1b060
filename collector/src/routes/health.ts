import type { FastifyInstance } from 'fastify';
import { healthRoute } from '../../../utils/collector-api/operator';
import { ApiError } from '../services/errors';
import { ping, type Queries } from '../db/store';
import { fromContract, typed } from './contract';

export function healthRoutes(db: Queries) {
  return async (app: FastifyInstance): Promise<void> => {
    typed(app).route({
      ...fromContract(healthRoute),
      handler: async () => {
        try {
          await ping(db);
        } catch {
          throw new ApiError(503, 'unhealthy', 'store unavailable');
        }
        return { ok: true as const };
      },
    });
  };
}
