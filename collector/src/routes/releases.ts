import type { FastifyInstance } from 'fastify';
import { latestReleaseRoute, releasesRoute } from '../../../utils/collector-api/releases';
import type { Queries } from '../db/store';
import type { CutResult } from '../releases/cut';
import { latestRelease, listReleases } from '../releases/store';
import { ApiError } from '../services/errors';
import { fromContract, typed } from './contract';

declare module 'fastify' {
  interface FastifyInstance {
    /** Cuts a release now (server.ts decorates it). */
    cutRelease(): Promise<CutResult>;
  }
}

export function releaseRoutes(db: Queries) {
  return async (app: FastifyInstance): Promise<void> => {
    typed(app).route({ ...fromContract(releasesRoute), handler: async () => ({ releases: await listReleases(db) }) });
    typed(app).route({
      ...fromContract(latestReleaseRoute),
      handler: async () => {
        const latest = await latestRelease(db);
        if (!latest) throw new ApiError(404, 'no_release', 'no release has been cut yet');
        return latest;
      },
    });
  };
}
