import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SignedRoot } from '../../../utils/wire/merkle';
import { uuid } from '../../../utils/wire/primitives';
import { ApiError } from '../services/errors';
import { inclusionProof } from '../transparency/log';
import type { TransparencyStore } from '../transparency/types';

declare module 'fastify' {
  interface FastifyInstance {
    /** Publishes a transparency-log epoch now (server.ts decorates it). */
    publishEpoch(): Promise<SignedRoot>;
  }
}

const paramsSchema = z.strictObject({ bundleId: uuid });

export function transparencyRoutes(store: TransparencyStore) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/v1/transparency/roots/latest', async () => {
      const root = await store.latestRoot();
      if (!root) throw new ApiError(404, 'no_epoch', 'no epoch has been published yet');
      return root;
    });
    app.get('/v1/transparency/proof/:bundleId', async (req) => {
      const params = paramsSchema.safeParse(req.params);
      if (!params.success) throw new ApiError(400, 'invalid_bundle_id', 'bundleId must be a UUID');
      const proof = await inclusionProof(store, params.data.bundleId);
      // Also 404 once deleted: a deleted bundle has no proof to give.
      if (!proof) throw new ApiError(404, 'not_in_log', 'bundle not in a published epoch (not yet published, unknown or deleted)');
      return proof;
    });
  };
}
