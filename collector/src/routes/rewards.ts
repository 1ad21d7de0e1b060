import type { FastifyInstance } from 'fastify';
import { claimConfigRoute } from '../../../utils/collector-api/claim-page';
import { deviceRewardsRoute } from '../../../utils/collector-api/extension';
import type { RewardsConfig } from '../rewards/config';
import type { RewardChain } from '../rewards/chain';
import { deviceRewards } from '../rewards/device-rewards';
import { ApiError } from '../services/errors';
import type { Store } from '../db/store';
import { fromContract, typed } from './contract';

export interface RewardsRouteDeps {
  store: Store;
  config: RewardsConfig;
  /** Absent when no chain is configured: every route here answers 503 rewards_disabled. */
  chain?: RewardChain;
}

export function rewardsRoutes(deps: RewardsRouteDeps) {
  const enabled = (): RewardChain => {
    if (!deps.chain) throw new ApiError(503, 'rewards_disabled', 'this collector has no reward chain configured');
    return deps.chain;
  };

  return async (app: FastifyInstance): Promise<void> => {
    // Without a chain every route here answers 503, before its request is even parsed.
    app.addHook('preValidation', async () => {
      enabled();
    });
    const api = typed(app);
    api.route({
      ...fromContract(claimConfigRoute),
      handler: async () => {
        const { chainId, contract, chainName, publicRpcUrl } = enabled().config;
        return { chainId, contract, chainName, ...(publicRpcUrl ? { rpcUrl: publicRpcUrl } : {}) };
      },
    });
    api.route({
      ...fromContract(deviceRewardsRoute),
      handler: async (req) => deviceRewards({ store: deps.store, weiPerUnit: deps.config.weiPerUnit }, req.params.devicePub),
    });
  };
}
