import { z } from 'zod';
import { browser } from 'wxt/browser';
import type { CollectorClient } from '../collector-client/client';
import { communityStoreNames, readJoinedCommunity } from '../community/joined-community';
import type { Db } from '../store/db';
import { cidOf, utf8Encode, verifyInclusion, verifySignedRoot, type SignedRoot } from '../wire';

/**
 * "Your data is in the dataset", checked rather than promised: each sent bundle's address is
 * computed here from the envelope this device sent, and must be proven to be a leaf of the
 * collector's newest signed Merkle root; a deleted bundle must be absent from it.
 */
export const inclusionCheckSchema = z.object({
  state: z.enum(['included', 'not-yet-logged', 'absent', 'invalid']),
  epoch: z.number().nullable(),
  checkedAt: z.number(),
});
export type InclusionCheck = z.infer<typeof inclusionCheckSchema>;

const storedSchema = z.record(z.string(), inclusionCheckSchema);

/** The results of the community this device contributes to now (each community has its own). */
async function inclusionKey(): Promise<string> {
  return communityStoreNames(await readJoinedCommunity()).inclusion;
}

export async function readInclusion(): Promise<Record<string, InclusionCheck>> {
  const key = await inclusionKey();
  const parsed = storedSchema.safeParse((await browser.storage.local.get(key))[key]);
  return parsed.success ? parsed.data : {};
}

export async function clearInclusion(): Promise<void> {
  await browser.storage.local.remove(await inclusionKey());
}

/** The collector's newest signed root; a root its receipt key did not sign is an error, not an answer. */
async function newestRoot(client: CollectorClient, receiptPub: string): Promise<SignedRoot | null> {
  const root = await client.transparencyRoot();
  if (root && !verifySignedRoot(root, receiptPub)) throw new Error('the transparency root is not signed by the collector’s receipt key');
  return root;
}

/**
 * How often a proof may name a newer epoch than the root in hand before the check gives up: the log
 * cuts epochs while the device asks, so a proof fetched after the root may already be for the next one.
 */
const EPOCH_CATCH_UPS = 3;

export async function checkDatasetInclusion(
  database: Db,
  client: CollectorClient,
  receiptPub: string,
  now: number,
): Promise<Record<string, InclusionCheck>> {
  // Named before asking the collector: a join meanwhile must not file these results under the next community.
  const key = await inclusionKey();
  let root = await newestRoot(client, receiptPub);
  const results: Record<string, InclusionCheck> = {};
  const accepted = await database.getAllFromIndex('bundles', 'status', 'accepted');
  for (const bundle of accepted) {
    let proof = root ? await client.inclusionProof(bundle.bundleId) : null;
    for (let catchUp = 0; root && proof && proof.epoch > root.epoch && catchUp < EPOCH_CATCH_UPS; catchUp++) {
      root = await newestRoot(client, receiptPub);
      if (root && root.epoch > proof.epoch) proof = await client.inclusionProof(bundle.bundleId);
    }
    if (!root || !proof) {
      results[bundle.bundleId] = { state: 'not-yet-logged', epoch: root?.epoch ?? null, checkedAt: now };
      continue;
    }
    const cid = cidOf(utf8Encode(JSON.stringify(bundle.envelope)));
    const valid = proof.cid === cid && proof.epoch === root.epoch && verifyInclusion(cid, proof, root);
    results[bundle.bundleId] = { state: valid ? 'included' : 'invalid', epoch: proof.epoch, checkedAt: now };
  }
  // Deleted bundles: the collector must no longer prove them.
  for (const deletion of await database.getAll('deletions')) {
    for (const bundleId of deletion.receipt.deletedBundles) {
      if (results[bundleId]) continue;
      const proof = root ? await client.inclusionProof(bundleId) : null;
      results[bundleId] = { state: proof ? 'invalid' : 'absent', epoch: root?.epoch ?? null, checkedAt: now };
    }
  }
  await browser.storage.local.set({ [key]: results });
  return results;
}
