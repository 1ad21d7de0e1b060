// The extension's only network peer. Every answer is validated: a collector (or anything
// pretending to be one on the path) is outside the extension's trust boundary too.
import {
  balanceRoute,
  deletionRoute,
  deviceRewardsRoute,
  inclusionProofRoute,
  keysRoute,
  latestRootRoute,
  submitBundleRoute,
} from '../collector-api/extension';
import { policyRoute, type PolicyInForce } from '../collector-api/community';
import type { RouteReply } from '../collector-api/route';
import { computeDeviceRoute, computeJobRoute, computeResultRoute, type ComputeVerdict } from '../collector-api/compute';
import type { ComputeJob, ComputeJobRequest, ComputeResult } from '../wire/compute';
import { epochInfoRoute, tokenAllowanceRoute } from '../collector-api/tokens';
import { latestReleaseRoute, releaseLogProofRoute, type ReleaseLogProof, type ReleaseSummary } from '../collector-api/releases';
import type { BundleEnvelope, CollectorKeysResponse, DeletionReceipt, DeletionRequest, IngestReceipt, InclusionProof, SignedRoot } from '../wire';
import { callRoute, CollectorError, fetchBlock, type CollectorEndpoint } from './request';

export { CollectorError };
export type Balance = RouteReply<typeof balanceRoute>;
export type DeviceRewards = RouteReply<typeof deviceRewardsRoute>;
export type DeviceCompute = RouteReply<typeof computeDeviceRoute>;

/** null instead of an error when the collector answers `code`. */
const orNullOn =
  (code: string) =>
  (err: unknown): null => {
    if (err instanceof CollectorError && err.code === code) return null;
    throw err;
  };

export function collectorClient(baseUrl: CollectorEndpoint['baseUrl'], fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  const endpoint: CollectorEndpoint = { baseUrl, fetch: fetchImpl };
  return {
    /** For the token issuance steps (utils/tokens/obtain.ts), which call their routes themselves. */
    endpoint,
    keys: (): Promise<CollectorKeysResponse> => callRoute(endpoint, keysRoute, {}),
    submitBundle: (envelope: BundleEnvelope): Promise<{ receipt: IngestReceipt; duplicate: boolean }> =>
      callRoute(endpoint, submitBundleRoute, { body: envelope }).then(({ receipt, duplicate }) => ({ receipt, duplicate })),
    balance: (devicePub: string): Promise<Balance> => callRoute(endpoint, balanceRoute, { params: { devicePub } }),
    /** The community rules the collector applies now. */
    policy: (): Promise<PolicyInForce> => callRoute(endpoint, policyRoute, {}),
    /** null when the collector runs without a reward chain. */
    rewards: (devicePub: string): Promise<DeviceRewards | null> =>
      callRoute(endpoint, deviceRewardsRoute, { params: { devicePub } }).catch(orNullOn('rewards_disabled')),
    /** The newest signed root of the transparency log; null before the first epoch. */
    transparencyRoot: (): Promise<SignedRoot | null> => callRoute(endpoint, latestRootRoute, {}).catch(orNullOn('no_epoch')),
    /** null when no epoch holds the bundle: not yet logged, or deleted. */
    inclusionProof: (bundleId: string): Promise<InclusionProof | null> =>
      callRoute(endpoint, inclusionProofRoute, { params: { bundleId } }).catch(orNullOn('not_in_log')),
    requestDeletion: (request: DeletionRequest): Promise<DeletionReceipt> =>
      callRoute(endpoint, deletionRoute, { body: request }).then((a) => a.receipt),
    /** A shard to embed; null when none waits. */
    computeJob: (request: ComputeJobRequest): Promise<ComputeJob | null> => callRoute(endpoint, computeJobRoute, { body: request }).then((r) => r.job),
    computeResult: (result: ComputeResult): Promise<ComputeVerdict> => callRoute(endpoint, computeResultRoute, { body: result }).then((r) => r.verdict),
    computeStatus: (devicePub: string): Promise<DeviceCompute> => callRoute(endpoint, computeDeviceRoute, { params: { devicePub } }),
    tokenAllowance: (devicePub: string) => callRoute(endpoint, tokenAllowanceRoute, { params: { devicePub } }),
    tokenEpoch: (epoch: number) => callRoute(endpoint, epochInfoRoute, { params: { epoch: String(epoch) } }),
    /** The current dataset release; null before the first. */
    latestRelease: (): Promise<ReleaseSummary | null> => callRoute(endpoint, latestReleaseRoute, {}).catch(orNullOn('no_release')),
    /** One block of a release from the collector's IPFS gateway, unchecked: the caller verifies it against its CID. */
    block: (cid: string): Promise<Uint8Array> => fetchBlock(endpoint, cid),
    /** Where the release manifest sits in the transparency log; null when no published epoch holds it. */
    releaseLogProof: (cid: string): Promise<ReleaseLogProof | null> =>
      callRoute(endpoint, releaseLogProofRoute, { params: { cid } }).catch(orNullOn('not_in_log')),
  };
}

export type CollectorClient = ReturnType<typeof collectorClient>;
