import { generateDeviceKeyPair } from '../wire';
import type { Db, DeviceKeyRecord } from '../store/db';

/**
 * The device's Ed25519 identity. The secret is stored sealed with an AES-GCM key that WebCrypto
 * marks non-extractable: the raw secret exists only in memory for the length of one signing
 * call, and nothing in the extension can export it.
 */
export interface DeviceKey {
  publicKey: string;
  /** Runs `use` with the raw secret, then wipes it. */
  withSecret<T>(use: (secretKey: Uint8Array) => T): Promise<T>;
}

async function sealSecret(secret: Uint8Array<ArrayBuffer>): Promise<Pick<DeviceKeyRecord, 'sealedSecret' | 'iv' | 'wrappingKey'>> {
  const wrappingKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealedSecret = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, wrappingKey, secret);
  return { sealedSecret, iv, wrappingKey };
}

function toDeviceKey(record: DeviceKeyRecord): DeviceKey {
  return {
    publicKey: record.publicKey,
    async withSecret(use) {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv }, record.wrappingKey, record.sealedSecret);
      const secret = new Uint8Array(plain);
      try {
        const result = use(secret);
        // The secret is wiped when `use` returns: an async `use` would sign with zeros.
        if (result instanceof Promise) throw new Error('withSecret takes a synchronous function');
        return result;
      } finally {
        secret.fill(0);
      }
    },
  };
}

export async function loadDeviceKey(database: Db): Promise<DeviceKey | null> {
  const record = await database.get('keys', 'device');
  return record ? toDeviceKey(record) : null;
}

/** Made at opt-in; an existing key is kept, so a user who opts out and back in keeps their history. */
export async function ensureDeviceKey(database: Db, now = Date.now()): Promise<DeviceKey> {
  const existing = await loadDeviceKey(database);
  if (existing) return existing;
  const { secretKey, publicKey } = generateDeviceKeyPair();
  const record: DeviceKeyRecord = { id: 'device', publicKey, ...(await sealSecret(secretKey as Uint8Array<ArrayBuffer>)), createdAt: now };
  secretKey.fill(0);
  await database.put('keys', record);
  return toDeviceKey(record);
}

export async function destroyDeviceKey(database: Db): Promise<void> {
  await database.delete('keys', 'device');
}
