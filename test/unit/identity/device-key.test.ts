import { beforeEach, describe, expect, it } from 'vitest';
import { destroyDeviceKey, ensureDeviceKey, loadDeviceKey } from '../../../utils/identity/device-key';
import { openTributaryDb, type Db } from '../../../utils/store/db';
import { devicePubFromSecret, signBytes, verifyBytes } from '../../../utils/wire';
import { freshDb } from '../support/db';

let database: Db;
beforeEach(async () => {
  database = await freshDb();
});

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

describe('device key', () => {
  it('does not exist before opt-in', async () => {
    expect(await loadDeviceKey(database)).toBeNull();
  });

  it('is made once and reused, also from a new connection', async () => {
    const first = await ensureDeviceKey(database, 1000);
    const second = await ensureDeviceKey(database, 2000);
    expect(second.publicKey).toBe(first.publicKey);
    expect(await database.count('keys')).toBe(1);
    database.close();
    const reopened = await openTributaryDb();
    expect((await loadDeviceKey(reopened))?.publicKey).toBe(first.publicKey);
    expect((await reopened.get('keys', 'device'))?.createdAt).toBe(1000);
  });

  it('gives a secret whose public key is the device key, and that signs verifiably', async () => {
    const key = await ensureDeviceKey(database);
    const message = new TextEncoder().encode('hello');
    const { pub, sig } = await key.withSecret((secret) => ({ pub: devicePubFromSecret(secret), sig: signBytes(message, secret) }));
    expect(pub).toBe(key.publicKey);
    expect(verifyBytes(sig, message, key.publicKey)).toBe(true);
  });

  it('stores no raw secret: only sealed bytes and a non-extractable wrapping key', async () => {
    const key = await ensureDeviceKey(database);
    const secret = await key.withSecret((s) => Uint8Array.from(s));
    expect(secret.some((b) => b !== 0)).toBe(true);
    const record = (await database.get('keys', 'device'))!;
    expect(Object.keys(record).sort()).toEqual(['createdAt', 'id', 'iv', 'publicKey', 'sealedSecret', 'wrappingKey']);
    expect(containsBytes(new Uint8Array(record.sealedSecret), secret)).toBe(false);
    expect(record.wrappingKey).toBeInstanceOf(CryptoKey);
    expect(record.wrappingKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', record.wrappingKey)).rejects.toThrow();
    // The sealed bytes open only with the stored wrapping key.
    const opened = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv }, record.wrappingKey, record.sealedSecret));
    expect(opened).toEqual(secret);
  });

  it('wipes the secret buffer after use, also when the use throws', async () => {
    const key = await ensureDeviceKey(database);
    let seen: Uint8Array | null = null;
    await key.withSecret((s) => {
      seen = s;
      expect(s.some((b) => b !== 0)).toBe(true);
    });
    expect(seen!.every((b) => b === 0)).toBe(true);

    let thrown: Uint8Array | null = null;
    await expect(
      key.withSecret((s) => {
        thrown = s;
        throw new Error('signing failed');
      }),
    ).rejects.toThrow('signing failed');
    expect(thrown!.every((b) => b === 0)).toBe(true);
  });

  it('destroy removes it; a later opt-in makes a different key', async () => {
    const first = await ensureDeviceKey(database);
    await destroyDeviceKey(database);
    expect(await loadDeviceKey(database)).toBeNull();
    expect(await database.count('keys')).toBe(0);
    const next = await ensureDeviceKey(database);
    expect(next.publicKey).not.toBe(first.publicKey);
  });
});
