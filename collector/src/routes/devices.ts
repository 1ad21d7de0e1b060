import type { FastifyInstance } from 'fastify';
import { balanceRoute } from '../../../utils/collector-api/extension';
import { balanceOf } from '../services/ledger';
import type { Store } from '../store/types';
import { fromContract, typed } from './contract';

export function deviceRoutes(store: Store) {
  return async (app: FastifyInstance): Promise<void> => {
    typed(app).route({ ...fromContract(balanceRoute), handler: async (req) => balanceOf(store, req.params.devicePub) });
  };
}
