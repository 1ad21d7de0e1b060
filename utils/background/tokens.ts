// The background's token work, one step of the engine's pass: finish an issuance batch left in
// flight (a service worker stopped mid-request resumes here), or turn what the collector credits
// this device into blind tokens; then learn how many devices share each held epoch.
import type { CollectorClient } from '../collector-client/client';
import { CollectorError } from '../collector-client/request';
import type { DeviceKey } from '../identity/device-key';
import type { Db } from '../store/db';
import { completeBatch, prepareBatch } from '../tokens/obtain';
import { allTokens, dropPendingBatch, pendingBatch, savePendingBatch, storeTokens } from '../tokens/token-store';
import { signTokenIssueRequest } from '../wire/reward-tokens';
import { updateCollectorStatus, type CollectorStatus } from './collector-status';

/** Refusals after which the batch can never be signed: blind again, to the current key. */
const STALE_BATCH = new Set(['wrong_epoch', 'over_allowance', 'clock_skew', 'invalid_blinded_token']);

export async function obtainTokens(database: Db, client: CollectorClient, deviceKey: DeviceKey, receiptPub: string, now: number): Promise<void> {
  const waiting = await pendingBatch(database);
  if (waiting) {
    try {
      await storeTokens(database, await completeBatch(client.endpoint, waiting), now);
    } catch (err) {
      if (err instanceof CollectorError && STALE_BATCH.has(err.code)) await dropPendingBatch(database);
      throw err;
    }
  }
  const { issuableUnits } = await client.tokenAllowance(deviceKey.publicKey);
  if (issuableUnits > 0) await blindAndIssue(database, client, deviceKey, receiptPub, issuableUnits, now);
  await refreshEpochs(database, client);
}

/** Blinding takes a while: an epoch that ended meanwhile gets one more try, to the new epoch's key. */
const ATTEMPTS = 2;

async function blindAndIssue(database: Db, client: CollectorClient, deviceKey: DeviceKey, receiptPub: string, units: number, now: number): Promise<void> {
  const signIssue = (fields: Parameters<typeof signTokenIssueRequest>[0]) => deviceKey.withSecret((secret) => signTokenIssueRequest(fields, secret));
  for (let attempt = 1; ; attempt++) {
    const batch = await prepareBatch(client.endpoint, receiptPub, deviceKey.publicKey, units, signIssue, Date.now());
    if (!batch) return;
    // Kept before it is sent: an answer lost on the way is asked for again, never charged twice.
    await savePendingBatch(database, batch);
    try {
      await storeTokens(database, await completeBatch(client.endpoint, batch), now);
      return;
    } catch (err) {
      if (!(err instanceof CollectorError && STALE_BATCH.has(err.code))) throw err;
      await dropPendingBatch(database);
      if (err.code !== 'wrong_epoch' || attempt >= ATTEMPTS) throw err;
    }
  }
}

/** Period, closing and anonymity set of every epoch the device holds tokens of. */
async function refreshEpochs(database: Db, client: CollectorClient): Promise<void> {
  const epochs = [...new Set((await allTokens(database)).map((t) => t.epoch))];
  const infos = await Promise.all(epochs.map((e) => client.tokenEpoch(e)));
  await updateCollectorStatus((s): CollectorStatus => ({ ...s, tokenEpochs: infos }));
}
