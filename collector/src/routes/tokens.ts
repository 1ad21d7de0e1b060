import type { FastifyInstance } from 'fastify';
import { epochInfoRoute, issuerKeyRoute, redeemRoute, tokenAllowanceRoute, tokenIssueRoute } from '../../../utils/collector-api/tokens';
import type { Store } from '../db/store';
import { earnedUnits } from '../rewards/ledger';
import type { RulesInForce } from '../policy/in-force';
import type { RewardChain } from '../rewards/chain';
import { ApiError } from '../services/errors';
import { issuableUnits } from '../tokens/allowance';
import { epochAt, epochEnd, epochStart, isClosed, type EpochClock } from '../tokens/epochs';
import { issueTokens } from '../tokens/issuance';
import type { IssuerKeys } from '../tokens/issuer-keys';
import { redeemTokens } from '../tokens/redemption';
import { epochDevices, issuedUnits } from '../tokens/store';
import { fromContract, typed } from './contract';

export interface TokenRouteDeps {
  store: Store;
  issuer: IssuerKeys;
  clock: EpochClock;
  maxSkewMs: number;
  weiPerUnit: bigint;
  limitDevice: (devicePub: string) => void;
  rules: () => RulesInForce;
  /** Absent: redemption answers 503 rewards_disabled; issuance still works. */
  chain?: RewardChain;
}

export function tokenRoutes(deps: TokenRouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const api = typed(app);
    api.route({ ...fromContract(issuerKeyRoute), handler: async () => deps.issuer.proof(epochAt(deps.clock)) });
    api.route({
      ...fromContract(epochInfoRoute),
      handler: async (req) => {
        const { epoch } = req.params;
        return {
          epoch,
          startsAt: epochStart(deps.clock, epoch),
          endsAt: epochEnd(deps.clock, epoch),
          closed: isClosed(deps.clock, epoch),
          devices: await epochDevices(deps.store.db, epoch),
        };
      },
    });
    api.route({
      ...fromContract(tokenAllowanceRoute),
      handler: async (req) => {
        const { devicePub } = req.params;
        const [earned, issued, issuable] = await Promise.all([
          earnedUnits(deps.store.db, [devicePub]),
          issuedUnits(deps.store.db, devicePub),
          issuableUnits(deps.store.db, devicePub),
        ]);
        return { devicePub, earnedUnits: earned, issuedUnits: issued, issuableUnits: issuable };
      },
    });
    api.route({ ...fromContract(tokenIssueRoute), handler: async (req) => issueTokens(deps, req.body) });
    api.route({
      ...fromContract(redeemRoute),
      handler: async (req) => {
        if (!deps.chain) throw new ApiError(503, 'rewards_disabled', 'this collector has no reward chain configured');
        return redeemTokens({ ...deps, chain: deps.chain }, req.body.wallet, req.body.tokens);
      },
    });
  };
}
