import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CLAIM_API, type ClaimConfig } from '../../../contracts/claim-api';
import { devicePub } from '../../../utils/wire/primitives';
import type { RewardsConfig } from '../rewards/config';
import type { RewardChain } from '../rewards/chain';
import { deviceRewards, issueVoucher, walletRewards, type ClaimsDeps } from '../rewards/claims';
import { issueLinkNonce, linkWallet } from '../rewards/wallet-link';
import { ApiError } from '../services/errors';
import type { Store } from '../store/types';

export interface RewardsRouteDeps {
  store: Store;
  config: RewardsConfig;
  /** Absent when no chain is configured: every route here answers 503 rewards_disabled. */
  chain?: RewardChain;
  now: () => number;
  limitDevice: (devicePub: string) => void;
  /** The collector's public origin (configured, or derived from the bound address). */
  origin: () => string;
}

const deviceParams = z.strictObject({ devicePub });

export function rewardsRoutes(deps: RewardsRouteDeps) {
  const enabled = (): RewardChain => {
    if (!deps.chain) throw new ApiError(503, 'rewards_disabled', 'this collector has no reward chain configured');
    return deps.chain;
  };
  const claims = (): ClaimsDeps => ({ store: deps.store, chain: enabled(), weiPerUnit: deps.config.weiPerUnit, now: deps.now });

  return async (app: FastifyInstance): Promise<void> => {
    app.get(CLAIM_API.config, async (): Promise<ClaimConfig> => {
      const { chainId, contract, chainName, publicRpcUrl } = enabled().config;
      return { chainId, contract, chainName, ...(publicRpcUrl ? { rpcUrl: publicRpcUrl } : {}) };
    });
    app.get('/v1/rewards/:wallet', async (req) => walletRewards(claims(), (req.params as { wallet: string }).wallet));
    app.post(CLAIM_API.voucher, async (req) => issueVoucher(claims(), req.body));
    app.get('/v1/devices/:devicePub/rewards', async (req) => {
      const chain = claims();
      const params = deviceParams.safeParse(req.params);
      if (!params.success) throw new ApiError(400, 'invalid_device', 'devicePub must be 64 lowercase hex chars');
      return deviceRewards(chain, params.data.devicePub);
    });
    app.post('/v1/wallet/nonce', async (req) => {
      enabled();
      return issueLinkNonce(deps, req.body);
    });
    app.post(CLAIM_API.link, async (req) =>
      linkWallet({ store: deps.store, chain: enabled(), origin: deps.origin(), now: deps.now, limitDevice: deps.limitDevice }, req.body),
    );
  };
}
