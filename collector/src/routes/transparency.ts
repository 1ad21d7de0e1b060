import type { FastifyInstance } from 'fastify';
import { inclusionProofRoute, latestRootRoute } from '../../../utils/collector-api/extension';
import type { SignedRoot } from '../../../utils/wire/merkle';
import type { Queries } from '../db/store';
import { ApiError } from '../services/errors';
import { inclusionProof } from '../transparency/log';
import { latestRoot } from '../transparency/store';
import { fromContract, typed } from './contract';

declare module 'fastify' {
  interface FastifyInstance {
    /** Publishes a transparency-log epoch now (server.ts decorates it). */
    publishEpoch(): Promise<SignedRoot>;
  }
}

export function transparencyRoutes(db: Queries) {
  return async (app: FastifyInstance): Promise<void> => {
    typed(app).route({
      ...fromContract(latestRootRoute),
      handler: async () => {
        const root = await latestRoot(db);
        if (!root) throw new ApiError(404, 'no_epoch', 'no epoch has been published yet');
        return root;
      },
    });
    typed(app).route({
      ...fromContract(inclusionProofRoute),
      handler: async (req) => {
        const proof = await inclusionProof(db, req.params.bundleId);
        // Also 404 once deleted: a deleted bundle has no proof to give.
        if (!proof) throw new ApiError(404, 'not_in_log', 'bundle not in a published epoch (not yet published, unknown or deleted)');
        return proof;
      },
    });
  };
}
