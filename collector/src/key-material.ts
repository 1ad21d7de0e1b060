// Collector key material. Private keys live only in the key file (created
// 0600 on first start) or in COLLECTOR_KEYS_JSON — never in the repository.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import {
  base64ToBytes,
  bytesToBase64,
  bytesToHex,
  generateEncryptionKeyPair,
  generateReceiptKeyPair,
  hexToBytes,
  keyIdOf,
  type CollectorKeysResponse,
} from '../../utils/wire/index';
import { b64Exact, hex, keyId } from '../../utils/wire/primitives';
import { dataKeyId, newDataKey } from './at-rest/aead';
import type { CollectorConfig } from './config';

const keyFileSchema = z.strictObject({
  v: z.literal(1),
  encryption: z
    .array(
      z.strictObject({
        keyId,
        publicKey: b64Exact(32),
        secretKey: b64Exact(32),
        createdAt: z.number().int(),
        current: z.boolean(),
      }),
    )
    .min(1)
    .refine((ks) => ks.filter((k) => k.current).length === 1, 'exactly one current encryption key'),
  receipt: z.strictObject({ keyId, publicKey: hex(32), secretKey: hex(32) }),
  /** Wraps the per-device data keys of encryption at rest (at-rest/keyring.ts). Files from before it get one added. */
  master: z.strictObject({ keyId, key: b64Exact(32) }).optional(),
});
type KeyFile = z.infer<typeof keyFileSchema>;

export interface EncryptionKey {
  keyId: string;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
  current: boolean;
}

export interface CollectorKeys {
  encryption: EncryptionKey[];
  receipt: { keyId: string; publicKey: string; secretKey: Uint8Array };
  /** The master key of encryption at rest: it wraps each device's data key. Never leaves the key file. */
  master: { keyId: string; key: Uint8Array };
}

function newMasterKey(): CollectorKeys['master'] {
  const key = newDataKey();
  return { keyId: dataKeyId(key), key };
}

function fromFile(f: KeyFile & { master: NonNullable<KeyFile['master']> }): CollectorKeys {
  const encryption = f.encryption.map((k) => {
    const publicKey = base64ToBytes(k.publicKey);
    if (keyIdOf(publicKey) !== k.keyId) throw new Error(`key file: keyId ${k.keyId} does not match its public key`);
    return { keyId: k.keyId, publicKey, secretKey: base64ToBytes(k.secretKey), current: k.current };
  });
  const master = base64ToBytes(f.master.key);
  if (dataKeyId(master) !== f.master.keyId) throw new Error(`key file: master keyId ${f.master.keyId} does not match its key`);
  return {
    encryption,
    receipt: { keyId: f.receipt.keyId, publicKey: f.receipt.publicKey, secretKey: hexToBytes(f.receipt.secretKey) },
    master: { keyId: f.master.keyId, key: master },
  };
}

function toFile(keys: CollectorKeys, createdAt: Map<string, number>): KeyFile {
  return {
    v: 1,
    encryption: keys.encryption.map((k) => ({
      keyId: k.keyId,
      publicKey: bytesToBase64(k.publicKey),
      secretKey: bytesToBase64(k.secretKey),
      createdAt: createdAt.get(k.keyId) ?? Date.now(),
      current: k.current,
    })),
    receipt: { keyId: keys.receipt.keyId, publicKey: keys.receipt.publicKey, secretKey: bytesToHex(keys.receipt.secretKey) },
    master: { keyId: keys.master.keyId, key: bytesToBase64(keys.master.key) },
  };
}

function newEncryptionKey(): EncryptionKey {
  return { ...generateEncryptionKeyPair(), current: true };
}

/** Atomic write with mode 0600 from the first byte. */
function writeKeyFile(path: string, f: KeyFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(f, null, 2), { mode: 0o600, flag: 'w' });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

function readKeyFile(path: string): KeyFile {
  return keyFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** A key file from before encryption at rest gets its master key (written back, so every later start uses the same one). */
function withMaster(f: KeyFile, path: string): KeyFile & { master: NonNullable<KeyFile['master']> } {
  if (f.master) return { ...f, master: f.master };
  const master = newMasterKey();
  const upgraded = { ...f, master: { keyId: master.keyId, key: bytesToBase64(master.key) } };
  writeKeyFile(path, upgraded);
  return upgraded;
}

export function loadOrCreateKeys(config: Pick<CollectorConfig, 'keyFile' | 'keysJson'>): CollectorKeys {
  if (config.keysJson) {
    const inline = keyFileSchema.parse(JSON.parse(config.keysJson));
    // Collectors sharing a database must share the master key: one made up here would be this process's alone.
    if (!inline.master) throw new Error('COLLECTOR_KEYS_JSON has no "master" key (encryption at rest): take it from the key file a collector wrote');
    return fromFile({ ...inline, master: inline.master });
  }
  if (existsSync(config.keyFile)) return fromFile(withMaster(readKeyFile(config.keyFile), config.keyFile));
  const receipt = generateReceiptKeyPair();
  const keys: CollectorKeys = { encryption: [newEncryptionKey()], receipt, master: newMasterKey() };
  writeKeyFile(config.keyFile, toFile(keys, new Map()));
  return keys;
}

/** Adds a new current encryption key; old ones stay so bundles sealed to them still open. */
export function rotateEncryptionKey(keyFile: string): { previous: string; current: string } {
  const f = withMaster(readKeyFile(keyFile), keyFile);
  const keys = fromFile(f);
  const previous = keys.encryption.find((k) => k.current)!.keyId;
  const fresh = newEncryptionKey();
  const rotated: CollectorKeys = { ...keys, encryption: [...keys.encryption.map((k) => ({ ...k, current: false })), fresh] };
  writeKeyFile(keyFile, toFile(rotated, new Map(f.encryption.map((k) => [k.keyId, k.createdAt]))));
  return { previous, current: fresh.keyId };
}

export function currentEncryptionKey(keys: CollectorKeys): EncryptionKey {
  return keys.encryption.find((k) => k.current)!;
}

export function publicKeys(keys: CollectorKeys): CollectorKeysResponse {
  return {
    encryption: keys.encryption.map((k) => ({ keyId: k.keyId, publicKey: bytesToBase64(k.publicKey), current: k.current })),
    receipt: { keyId: keys.receipt.keyId, publicKey: keys.receipt.publicKey },
  };
}
