import { nextBundleItems, DEFAULT_BUNDLE_POLICY, type BundlePolicy } from '../bundle/build-bundle';
import type { CollectorClient } from '../collector-client/client';
import { isPaused, readConsent } from '../consent/settings';
import { readyItems } from '../items/item-store';
import { loadDeviceKey } from '../identity/device-key';
import { drainOutbox, enqueueBundle } from '../outbox/outbox';
import type { Db } from '../store/db';
import type { CollectorKeysResponse } from '../wire';
import { processWaitingItems, type BacklogModels } from './model-work';
import { obtainTokens } from './tokens';
import { MODEL_CHECK_INTERVAL_MS, refreshCommunityModel } from '../community-model/refresh';
import { readCollectorStatus, updateCollectorStatus } from './collector-status';

const REWARD_HISTORY_KEPT = 50;

export interface EngineDeps {
  db: () => Promise<Db>;
  client: CollectorClient;
  models: BacklogModels;
  /** Asked before every batch of model work, except on forced passes (the user asked to send now). */
  mayProcess?: () => boolean;
  now?: () => number;
  policy?: BundlePolicy;
}

export interface Engine {
  /** One pass over the whole pipeline: process → bundle → submit → refresh balance. */
  tick(options?: { force?: boolean }): Promise<void>;
  refreshKeys(): Promise<CollectorKeysResponse>;
  /** Runs `change` between passes, never during one (joining a community switches the collector and the database under the engine). */
  exclusive<T>(change: () => Promise<T>): Promise<T>;
}

/**
 * The background's work, as one serialized loop: every step reads its input from IndexedDB and
 * writes its output there, so a service worker stopped at any point resumes where it was.
 */
export function createEngine(deps: EngineDeps): Engine {
  const now = deps.now ?? (() => Date.now());
  const policy = deps.policy ?? DEFAULT_BUNDLE_POLICY;
  let running: Promise<void> = Promise.resolve();

  async function refreshKeys(): Promise<CollectorKeysResponse> {
    const keys = await deps.client.keys();
    const pinned = (await readCollectorStatus()).collectorKeys;
    if (pinned && pinned.receipt.publicKey !== keys.receipt.publicKey) {
      throw new Error('the collector’s receipt key changed; refusing to trust it');
    }
    await updateCollectorStatus((s) => ({ ...s, collectorKeys: keys }));
    return keys;
  }

  async function pass(force: boolean): Promise<void> {
    const consent = await readConsent();
    const database = await deps.db();
    const mayProcess = force ? () => true : (deps.mayProcess ?? (() => true));
    await processWaitingItems(database, deps.models, consent.reviewBeforeSending, mayProcess);
    // Opted out or paused: keep everything on the device, send nothing.
    if (!consent.optedIn || isPaused(consent, now())) return;
    const deviceKey = await loadDeviceKey(database);
    if (!deviceKey) return;
    const t = now();
    try {
      const keys = (await readCollectorStatus()).collectorKeys ?? (await refreshKeys());
      for (;;) {
        const ready = await readyItems(database);
        const batch = nextBundleItems(ready, t, policy, force);
        if (batch.length === 0) break;
        await enqueueBundle(database, batch, deviceKey, keys, t);
      }
      const drained = await drainOutbox(database, deps.client, keys.receipt.publicKey, t, force);
      if (drained.keysStale) await refreshKeys();
      const [balance, rewards, community] = await Promise.all([
        deps.client.balance(deviceKey.publicKey),
        deps.client.rewards(deviceKey.publicKey),
        deps.client.policy(),
      ]);
      await updateCollectorStatus((s) => ({
        ...s,
        balance: { balance: balance.balance, updatedAt: t },
        rewards: rewards && { ...rewards, history: rewards.history.slice(-REWARD_HISTORY_KEPT), updatedAt: t },
        policy: { source: community.source, rules: community.rules, updatedAt: t },
        collector: { reachable: true, lastError: drained.lastError, checkedAt: t },
      }));
      await obtainTokens(database, deps.client, deviceKey, keys.receipt.publicKey, t);
      await refreshCommunityModel(database, deps.client, keys.receipt.publicKey, t, MODEL_CHECK_INTERVAL_MS);
    } catch (err) {
      await updateCollectorStatus((s) => ({ ...s, collector: { reachable: false, lastError: String(err).slice(0, 300), checkedAt: t } }));
    }
  }

  return {
    tick(options) {
      const next = running.then(() => pass(options?.force ?? false));
      running = next.catch(() => undefined);
      return next;
    },
    refreshKeys,
    exclusive(change) {
      const next = running.then(change);
      running = next.then(
        () => undefined,
        () => undefined,
      );
      return next;
    },
  };
}
