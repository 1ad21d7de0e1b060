import type { FastifyInstance } from 'fastify';
import { claimConfigRoute, voucherRoute, walletLinkRoute, walletRewardsRoute } from '../../../utils/collector-api/claim-page';
import { deviceRewardsRoute, walletNonceRoute } from '../../../utils/collector-api/extension';
import type { RewardsConfig } from '../rewards/config';
import type { RewardChain } from '../rewards/chain';
import { deviceRewards, issueVoucher, walletRewards, type ClaimsDeps } from '../rewards/claims';
import { issueLinkNonce, linkWallet } from '../rewards/wallet-link';
import { ApiError } from '../services/errors';
import type { Store } from '../db/store';
import type { RulesInForce } from '../policy/in-force';
import { fromContract, typed } from './contract';

export interface RewardsRouteDeps {
  store: Store;
  config: RewardsConfig;
  /** Absent when no chain is configured: every route here answers 503 rewards_disabled. */
  chain?: RewardChain;
  now: () => number;
  limitDevice: (devicePub: string) => void;
  /** The collector's public origin (configured, or derived from the bound address). */
  origin: () => string;
  /** The community rules in force (who may sign vouchers). */
  rules: () => RulesInForce;
}

export function rewardsRoutes(deps: RewardsRouteDeps) {
  const enabled = (): RewardChain => {
    if (!deps.chain) throw new ApiError(503, 'rewards_disabled', 'this collector has no reward chain configured');
    return deps.chain;
  };
  const claims = (): ClaimsDeps => ({ store: deps.store, chain: enabled(), weiPerUnit: deps.config.weiPerUnit, now: deps.now, rules: deps.rules });

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
    api.route({ ...fromContract(walletRewardsRoute), handler: async (req) => walletRewards(claims(), req.params.wallet) });
    api.route({ ...fromContract(voucherRoute), handler: async (req) => issueVoucher(claims(), req.body.wallet) });
    api.route({ ...fromContract(deviceRewardsRoute), handler: async (req) => deviceRewards(claims(), req.params.devicePub) });
    api.route({ ...fromContract(walletNonceRoute), handler: async (req) => issueLinkNonce(deps, req.body) });
    api.route({
      ...fromContract(walletLinkRoute),
      handler: async (req) =>
        linkWallet({ store: deps.store, chain: enabled(), origin: deps.origin(), now: deps.now, limitDevice: deps.limitDevice }, req.body),
    });
  };
}
