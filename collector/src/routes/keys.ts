import type { FastifyInstance } from 'fastify';
import { publicKeys, type CollectorKeys } from '../keys';

export function keysRoutes(keys: CollectorKeys) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/v1/keys', async () => publicKeys(keys));
  };
}
