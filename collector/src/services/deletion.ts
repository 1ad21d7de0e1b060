import {
  deletionRequestHash,
  deletionRequestSchema,
  describeZodError,
  signDeletionReceipt,
  verifyDeletionRequest,
  type DeletionReceipt,
} from '../../../utils/wire/index';
import type { BlobStore } from '../cas/blob-store';
import type { CollectorKeys } from '../keys';
import type { Store } from '../store/types';
import { ApiError } from './errors';
import { checkSkew } from './verify';

export interface DeletionDeps {
  store: Store;
  keys: CollectorKeys;
  maxSkewMs: number;
  now: () => number;
  limitDevice: (devicePub: string) => void;
  blobs: BlobStore;
}

export async function handleDeletion(deps: DeletionDeps, body: unknown): Promise<DeletionReceipt> {
  const parsed = deletionRequestSchema.safeParse(body);
  if (!parsed.success) throw new ApiError(400, 'invalid_request', describeZodError(parsed.error));
  const req = parsed.data;
  if (!verifyDeletionRequest(req)) throw new ApiError(401, 'bad_signature', 'deletion request signature does not verify for devicePub');
  deps.limitDevice(req.devicePub);
  const now = deps.now();
  // The nonce store only has to cover the window: anything older is refused here.
  checkSkew(req.ts, now, deps.maxSkewMs, 'ts');
  const requestHash = deletionRequestHash(req);
  const result = await deps.store.deleteForDevice(
    { requestHash, devicePub: req.devicePub, nonce: req.nonce, ts: req.ts, scope: req.scope, receivedAt: now },
    (outcome) =>
      signDeletionReceipt(
        {
          requestHash,
          devicePub: req.devicePub,
          deleted: outcome.signalIds,
          deletedBundles: outcome.bundleIds,
          debited: outcome.debited,
          ts: now,
          collectorKeyId: deps.keys.receipt.keyId,
        },
        deps.keys.receipt.secretKey,
      ),
  );
  if (result.status === 'replay') throw new ApiError(409, 'replay', 'this deletion request nonce was already used');
  // The purged envelopes' blobs go too (after the commit: a crash here leaves an orphan blob, never a dangling row),
  // and every temp file, since one a crash left (here or in another collector) may hold one of these envelopes.
  for (const cid of await deps.store.cidsOf(result.receipt.deletedBundles)) await deps.blobs.delete(cid);
  await deps.blobs.removeTemporaryFiles();
  return result.receipt;
}
