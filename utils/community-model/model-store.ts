// The device's copy of the newest verified community model (IndexedDB), and what the last check for a
// newer one found. A model is stored only after it verified; a failed or impossible check keeps it.
import { z } from 'zod';
import type { Db } from '../store/db';
import type { VerifiedModel } from './verify-model';

export const communityCheckSchema = z.strictObject({
  result: z.enum(['no-release', 'no-model', 'verified', 'failed', 'unreachable']),
  /** The newest release the collector named; null when it named none or could not be asked. */
  releaseCid: z.string().nullable(),
  /** Why the check failed, for people. */
  error: z.string().max(500).nullable(),
  checkedAt: z.number(),
});
export type CommunityCheck = z.infer<typeof communityCheckSchema>;

export type CommunityModelRecord = ({ id: 'model' } & VerifiedModel) | ({ id: 'check' } & CommunityCheck);

export async function readCommunityModel(database: Db): Promise<VerifiedModel | null> {
  const record = await database.get('community-model', 'model');
  if (record?.id !== 'model') return null;
  const { id: _id, ...model } = record;
  return model;
}

export async function readCommunityCheck(database: Db): Promise<CommunityCheck | null> {
  const record = await database.get('community-model', 'check');
  if (record?.id !== 'check') return null;
  const { id: _id, ...check } = record;
  return communityCheckSchema.parse(check);
}

export async function saveCommunityCheck(database: Db, check: CommunityCheck, model?: VerifiedModel): Promise<void> {
  const tx = database.transaction('community-model', 'readwrite');
  if (model) await tx.store.put({ id: 'model', ...model });
  await tx.store.put({ id: 'check', ...check });
  await tx.done;
}

export async function clearCommunityModel(database: Db): Promise<void> {
  await database.clear('community-model');
}
