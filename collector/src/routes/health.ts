import type { FastifyInstance } from 'fastify';
import { ApiError } from '../services/errors';
import type { Store } from '../store/types';

export function healthRoutes(store: Store) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/health', async () => {
      try {
        await store.ping();
      } catch {
        throw new ApiError(503, 'unhealthy', 'store unavailable');
      }
      return { ok: true };
    });
  };
}
