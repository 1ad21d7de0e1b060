import type { FastifyInstance } from 'fastify';
import { healthRoute } from '../../../utils/collector-api/operator';
import { ApiError } from '../services/errors';
import type { Store } from '../store/types';
import { fromContract, typed } from './contract';

export function healthRoutes(store: Store) {
  return async (app: FastifyInstance): Promise<void> => {
    typed(app).route({
      ...fromContract(healthRoute),
      handler: async () => {
        try {
          await store.ping();
        } catch {
          throw new ApiError(503, 'unhealthy', 'store unavailable');
        }
        return { ok: true as const };
      },
    });
  };
}
