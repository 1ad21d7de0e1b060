// The device's reward tokens in IndexedDB, beside the rest of its state: they survive a service
// worker's restart, and an issuance batch in flight is kept until its tokens are stored.
import type { Db, StoredToken } from '../store/db';
import { tokenNullifier, type RewardToken } from '../wire/reward-tokens';
import type { IssueBatch } from './obtain';

export async function pendingBatch(database: Db): Promise<IssueBatch | null> {
  const batch = await database.get('token-batches', 'current');
  if (!batch) return null;
  const { id: _id, ...rest } = batch;
  return rest;
}

export async function savePendingBatch(database: Db, batch: IssueBatch): Promise<void> {
  await database.put('token-batches', { id: 'current', ...batch });
}

export async function dropPendingBatch(database: Db): Promise<void> {
  await database.delete('token-batches', 'current');
}

/** Stores the batch's tokens and forgets the batch, in one transaction. */
export async function storeTokens(database: Db, tokens: readonly RewardToken[], now: number): Promise<void> {
  const tx = database.transaction(['tokens', 'token-batches'], 'readwrite');
  await Promise.all([...tokens.map((t) => tx.objectStore('tokens').put({ ...t, obtainedAt: now })), tx.objectStore('token-batches').delete('current'), tx.done]);
}

export function allTokens(database: Db): Promise<StoredToken[]> {
  return database.getAll('tokens');
}

/** Forgets the tokens the collector has recorded as spent. */
export async function removeSpent(database: Db, nullifiers: readonly string[]): Promise<number> {
  const spent = new Set(nullifiers);
  const tx = database.transaction('tokens', 'readwrite');
  let removed = 0;
  for (const token of await tx.store.getAll()) {
    if (spent.has(tokenNullifier(token))) {
      await tx.store.delete(token.msg);
      removed++;
    }
  }
  await tx.done;
  return removed;
}

/** The plain token, without what only this device keeps about it. */
export const asRewardToken = ({ epoch, denomination, msg, sig }: StoredToken): RewardToken => ({ epoch, denomination, msg, sig });
