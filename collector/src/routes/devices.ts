import type { FastifyInstance } from 'fastify';
import { balanceRoute } from '../../../utils/collector-api/extension';
import { balanceOf } from '../services/ledger';
import type { Queries } from '../db/store';
import { fromContract, typed } from './contract';

export function deviceRoutes(db: Queries) {
  return async (app: FastifyInstance): Promise<void> => {
    typed(app).route({ ...fromContract(balanceRoute), handler: async (req) => balanceOf(db, req.params.devicePub) });
  };
}
