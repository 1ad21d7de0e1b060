import type { FastifyInstance } from 'fastify';
import { latestReleaseRoute, releaseLogProofRoute, releasesRoute } from '../../../utils/collector-api/releases';
import type { Queries } from '../db/store';
import type { CutResult } from '../releases/cut';
import { latestRelease, listReleases, releaseByCid } from '../releases/store';
import { ApiError } from '../services/errors';
import { releaseInclusion } from '../transparency/log';
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
    typed(app).route({
      ...fromContract(releaseLogProofRoute),
      handler: async (req) => {
        const release = await releaseByCid(db, req.params.cid);
        const logged = release && (await releaseInclusion(db, release.seq));
        if (!logged) throw new ApiError(404, 'not_in_log', 'no published epoch holds this manifest (unknown, or not logged yet)');
        return logged;
      },
    });
  };
}
