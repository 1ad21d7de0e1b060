import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkDatasetInclusion } from '../../../utils/background/dataset-proof';
import type { Db } from '../../../utils/store/db';
import { cidOf, utf8Encode, type BundleEnvelope, type InclusionProof, type SignedRoot } from '../../../utils/wire';
import { inclusionPath, merkleRoot, signRoot } from '../../../utils/wire/merkle';
import { collectorParties, fakeClient, type CollectorParties } from '../support/collector';
import { T0, freshDb } from '../support/db';

// Only the envelope's bytes matter here: the device names its bundle by their CID.
const envelope = { v: 1, sealed: 'the bundle this device sent' } as unknown as BundleEnvelope;
const cid = cidOf(utf8Encode(JSON.stringify(envelope)));
const others = ['an earlier bundle', 'another device’s bundle'].map((s) => cidOf(utf8Encode(s)));

/** The collector's log: epoch n holds the first leaves of `leaves`, as it grows. */
function epoch(parties: CollectorParties, n: number, leaves: string[]): { root: SignedRoot; proofOf: (c: string) => InclusionProof | null } {
  const root = signRoot({ epoch: n, size: leaves.length, root: merkleRoot(leaves), ts: T0 + n, collectorKeyId: parties.receipt.keyId }, parties.receipt.secretKey);
  return {
    root,
    proofOf: (c) => {
      const leafIndex = leaves.indexOf(c);
      return leafIndex < 0 ? null : { epoch: n, leafIndex, size: leaves.length, cid: c, path: inclusionPath(leaves, leafIndex), root: root.root };
    },
  };
}

describe('checking that a sent bundle is in the dataset', () => {
  let database: Db;
  let parties: CollectorParties;

  beforeEach(async () => {
    fakeBrowser.reset();
    database = await freshDb();
    parties = collectorParties();
    await database.put('bundles', { bundleId: 'b1', envelope, itemIds: ['i1'], status: 'accepted', createdAt: T0, attempts: 1, nextAttemptAt: T0 });
  });

  it('is included when the log cuts a new epoch between the root and the proof it asks for', async () => {
    const first = epoch(parties, 1, [others[0]!, cid]);
    const second = epoch(parties, 2, [others[0]!, cid, others[1]!]);
    // The device reads epoch 1's root; by the time it asks for the proof, epoch 2 is the newest.
    const transparencyRoot = vi.fn().mockResolvedValueOnce(first.root).mockResolvedValue(second.root);
    const client = fakeClient({ transparencyRoot, inclusionProof: vi.fn(async (_id: string) => second.proofOf(cid)) });

    const results = await checkDatasetInclusion(database, client, parties.receipt.publicKey, T0);
    expect(results['b1']).toEqual({ state: 'included', epoch: 2, checkedAt: T0 });
    expect(transparencyRoot).toHaveBeenCalledTimes(2);
  });

  it('is invalid when the proof names an epoch for which the collector never publishes a signed root', async () => {
    const first = epoch(parties, 1, [others[0]!, cid]);
    const unpublished = epoch(parties, 7, [others[0]!, cid]);
    const client = fakeClient({ transparencyRoot: vi.fn(async () => first.root), inclusionProof: vi.fn(async (_id: string) => unpublished.proofOf(cid)) });

    const results = await checkDatasetInclusion(database, client, parties.receipt.publicKey, T0);
    expect(results['b1']).toMatchObject({ state: 'invalid', epoch: 7 });
  });

  it('refuses a newer root the collector’s receipt key did not sign', async () => {
    const first = epoch(parties, 1, [others[0]!, cid]);
    const forged = epoch(collectorParties(), 2, [others[0]!, cid]);
    const client = fakeClient({
      transparencyRoot: vi.fn().mockResolvedValueOnce(first.root).mockResolvedValue(forged.root),
      inclusionProof: vi.fn(async (_id: string) => forged.proofOf(cid)),
    });

    await expect(checkDatasetInclusion(database, client, parties.receipt.publicKey, T0)).rejects.toThrow(/not signed by the collector/);
  });
});
