import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ItemStatus, StoredItem } from '../items/item';
import type { CommunityModelRecord } from '../community-model/model-store';
import type { IssueBatch } from '../tokens/obtain';
import type { BundleEnvelope, DeletionReceipt, IngestReceipt } from '../wire';
import type { RewardToken } from '../wire/reward-tokens';
import { communityStoreNames, readJoinedCommunity } from '../community/joined-community';

export type BundleStatus = 'pending' | 'accepted';

export interface StoredBundle {
  bundleId: string;
  envelope: BundleEnvelope;
  itemIds: string[];
  status: BundleStatus;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  receipt?: IngestReceipt;
  acceptedAt?: number;
}

export interface DeletionRecord {
  requestHash: string;
  scope: string;
  requestedAt: number;
  receipt: DeletionReceipt;
}

export interface DeviceKeyRecord {
  id: 'device';
  publicKey: string;
  /** The Ed25519 secret, sealed with a non-extractable AES-GCM key that never leaves the browser. */
  sealedSecret: ArrayBuffer;
  iv: Uint8Array<ArrayBuffer>;
  wrappingKey: CryptoKey;
  createdAt: number;
}

/** A reward token the device holds; nothing in it names the device. */
export interface StoredToken extends RewardToken {
  obtainedAt: number;
}

/** An issuance request on its way: kept until its signatures are unblinded into tokens. */
export interface StoredTokenBatch extends IssueBatch {
  id: 'current';
}

export interface TributarySchema extends DBSchema {
  items: { key: string; value: StoredItem; indexes: { status: ItemStatus; origin: string; visitedAt: number } };
  bundles: { key: string; value: StoredBundle; indexes: { status: BundleStatus } };
  deletions: { key: string; value: DeletionRecord };
  keys: { key: string; value: DeviceKeyRecord };
  tokens: { key: string; value: StoredToken; indexes: { epoch: number } };
  'token-batches': { key: string; value: StoredTokenBatch };
  /** The newest verified community model and what the last check for a newer one found. */
  'community-model': { key: string; value: CommunityModelRecord };
}

export type Db = IDBPDatabase<TributarySchema>;

/** One database per community (utils/community/joined-community.ts); 'tributary' is the built-in one's. */
export function openTributaryDb(name = 'tributary'): Promise<Db> {
  return openDB<TributarySchema>(name, 3, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) createFirstStores(db);
      if (oldVersion < 2) {
        db.createObjectStore('tokens', { keyPath: 'msg' }).createIndex('epoch', 'epoch');
        db.createObjectStore('token-batches', { keyPath: 'id' });
      }
      if (oldVersion < 3) db.createObjectStore('community-model', { keyPath: 'id' });
    },
  });
}

function createFirstStores(db: IDBPDatabase<TributarySchema>): void {
  const items = db.createObjectStore('items', { keyPath: 'id' });
  items.createIndex('status', 'status');
  items.createIndex('origin', 'origin');
  items.createIndex('visitedAt', 'visitedAt');
  const bundles = db.createObjectStore('bundles', { keyPath: 'bundleId' });
  bundles.createIndex('status', 'status');
  db.createObjectStore('deletions', { keyPath: 'requestHash' });
  db.createObjectStore('keys', { keyPath: 'id' });
}

let shared: { name: string; db: Promise<Db> } | null = null;
/**
 * The database of the community this device contributes to now: one connection per context,
 * reopened if the browser closes it, switched when the user joins another community.
 */
export async function db(): Promise<Db> {
  const { database: name } = communityStoreNames(await readJoinedCommunity());
  if (shared?.name !== name) {
    const previous = shared;
    const opened = { name, db: openTributaryDb(name) };
    shared = opened;
    void opened.db.then((d) => d.addEventListener('close', () => shared === opened && (shared = null)));
    void previous?.db.then((d) => d.close(), () => undefined);
  }
  return shared.db;
}
