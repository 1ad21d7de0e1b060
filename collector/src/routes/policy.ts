import type { FastifyInstance } from 'fastify';
import { policyRoute } from '../../../utils/collector-api/community';
import type { PolicyInForce } from '../policy/in-force';
import { fromContract, typed } from './contract';

declare module 'fastify' {
  interface FastifyInstance {
    /** The community rules in force now: what the next signal, release or voucher is held to. */
    policyInForce(): PolicyInForce;
  }
}

export function policyRoutes(current: () => PolicyInForce) {
  return async (app: FastifyInstance): Promise<void> => {
    typed(app).route({ ...fromContract(policyRoute), handler: async () => current() });
  };
}
