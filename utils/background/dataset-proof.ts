import { z } from 'zod';
import { browser } from 'wxt/browser';
import type { CollectorClient } from '../collector-client/client';
import type { Db } from '../store/db';
import { cidOf, utf8Encode, verifyInclusion, verifySignedRoot } from '../wire';

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

const KEY = 'inclusion';
const storedSchema = z.record(z.string(), inclusionCheckSchema);

export async function readInclusion(): Promise<Record<string, InclusionCheck>> {
  const parsed = storedSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : {};
}

export async function clearInclusion(): Promise<void> {
  await browser.storage.local.remove(KEY);
}

export async function checkDatasetInclusion(
  database: Db,
  client: CollectorClient,
  receiptPub: string,
  now: number,
): Promise<Record<string, InclusionCheck>> {
  const root = await client.transparencyRoot();
  if (root && !verifySignedRoot(root, receiptPub)) throw new Error('the transparency root is not signed by the collector’s receipt key');
  const results: Record<string, InclusionCheck> = {};
  const accepted = await database.getAllFromIndex('bundles', 'status', 'accepted');
  for (const bundle of accepted) {
    const proof = root ? await client.inclusionProof(bundle.bundleId) : null;
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
  await browser.storage.local.set({ [KEY]: results });
  return results;
}
