import type { FastifyInstance } from 'fastify';
import { keysRoute } from '../../../utils/collector-api/extension';
import { publicKeys, type CollectorKeys } from '../key-material';
import { fromContract, typed } from './contract';

export function keysRoutes(keys: CollectorKeys) {
  return async (app: FastifyInstance): Promise<void> => {
    typed(app).route({ ...fromContract(keysRoute), handler: async () => publicKeys(keys) });
  };
}
