// One issuer key per token epoch, made when the epoch is first asked for and appended to the
// issuer-key log: an RFC 6962 Merkle tree over every key ever issued, whose root is signed with the
// collector's receipt key. A device blinds only to a key it has seen in the log, so handing one
// user a key of their own would put that key in the log for everyone to see.
import { createHash, generatePrime } from 'node:crypto';
import { PartiallyBlindRSA } from '@cloudflare/blindrsa-ts';
import nacl from 'tweetnacl';
import {
  base64ToBytes,
  bytesToBase64,
  canonicalBytes,
  inclusionPath,
  merkleRoot,
  utf8Decode,
  utf8Encode,
} from '../../../utils/wire/index';
import { ISSUER_MODULUS_BITS, issuerKeyLeaf, signIssuerLogRoot, type IssuerKey, type IssuerKeyProof } from '../../../utils/wire/reward-tokens';
import type { Store } from '../db/store';
import type { IssuerKeysTable } from '../db/tables';
import type { CollectorKeys } from '../key-material';
import { epochEnd, epochStart, type EpochClock } from './epochs';
import { insertIssuerKey, insertLogRoot, issuerKeyRow, issuerKeyRows, logRootOfSize } from './store';

const safePrime = (bits: number): Promise<bigint> =>
  new Promise((resolve, reject) => generatePrime(bits, { safe: true, bigint: true }, (err, prime) => (err ? reject(err) : resolve(prime))));
const PUBLISH_KEY = 'issuer-keys:append';

export interface IssuerKeyPair {
  key: IssuerKey;
  publicKey: CryptoKey;
  privateKey: CryptoKey;
}

/** The secretbox key issuer secrets are sealed with: only a holder of the receipt key can sign tokens. */
const sealKey = (keys: CollectorKeys): Uint8Array =>
  createHash('sha256').update(canonicalBytes('tributary/issuer-seal/v1', bytesToBase64(keys.receipt.secretKey))).digest();

function seal(keys: CollectorKeys, jwk: JsonWebKey): string {
  const nonce = nacl.randomBytes(nacl.secretbox.nonceLength);
  const box = nacl.secretbox(utf8Encode(JSON.stringify(jwk)), nonce, sealKey(keys));
  return `${bytesToBase64(nonce)}.${bytesToBase64(box)}`;
}

function unseal(keys: CollectorKeys, sealed: string): JsonWebKey {
  const [nonce, box] = sealed.split('.');
  const opened = nonce && box ? nacl.secretbox.open(base64ToBytes(box), base64ToBytes(nonce), sealKey(keys)) : null;
  if (!opened) throw new Error('an issuer key does not open with this collector’s receipt key');
  return JSON.parse(utf8Decode(opened)) as JsonWebKey;
}

/** A fresh partially blind RSA key: the library's key generation with Node's (threaded, native) safe primes. */
async function generateIssuerKeyPair(): Promise<CryptoKeyPair> {
  const half = ISSUER_MODULUS_BITS / 2;
  const primes = await Promise.all([safePrime(half), safePrime(half)]);
  let next = 0;
  return PartiallyBlindRSA.generateKey(
    { modulusLength: ISSUER_MODULUS_BITS, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-384' },
    () => primes[next++ % 2]!,
  );
}

const toIssuerKey = (row: IssuerKeysTable): IssuerKey => ({ epoch: row.epoch, publicKey: row.public_key, startsAt: row.starts_at, endsAt: row.ends_at });

async function importPair(keys: CollectorKeys, row: IssuerKeysTable): Promise<IssuerKeyPair> {
  const algorithm = { name: 'RSA-PSS', hash: 'SHA-384' };
  // Extractable: the library reads the key's numbers back out of the CryptoKey.
  const [publicKey, privateKey] = await Promise.all([
    crypto.subtle.importKey('spki', new Uint8Array(base64ToBytes(row.public_key)), algorithm, true, ['verify']),
    crypto.subtle.importKey('jwk', unseal(keys, row.sealed_secret), algorithm, true, ['sign']),
  ]);
  return { key: toIssuerKey(row), publicKey, privateKey };
}

export interface IssuerKeys {
  /** The epoch's key pair, made and logged first if the epoch has none yet. */
  forEpoch(epoch: number): Promise<IssuerKeyPair>;
  /** The epoch's key pair if one was ever made (redemption never makes one). */
  existing(epoch: number): Promise<IssuerKeyPair | null>;
  /** The epoch's key with its inclusion proof in the log's latest signed root. */
  proof(epoch: number): Promise<IssuerKeyProof>;
}

export function issuerKeys(store: Store, keys: CollectorKeys, clock: EpochClock): IssuerKeys {
  const cache = new Map<number, Promise<IssuerKeyPair | null>>();

  const load = (epoch: number): Promise<IssuerKeyPair | null> => {
    let hit = cache.get(epoch);
    if (!hit) {
      hit = issuerKeyRow(store.db, epoch).then((row) => (row ? importPair(keys, row) : null));
      // A miss is not remembered: the key may be made a moment later, here or by another collector.
      void hit.then((pair) => (pair ? undefined : cache.delete(epoch)), () => cache.delete(epoch));
      cache.set(epoch, hit);
    }
    return hit;
  };

  /** Appends the key (unless another collector made this epoch's key first) and signs the grown log. */
  const append = async (epoch: number, pair: CryptoKeyPair): Promise<void> => {
    const publicKey = bytesToBase64(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
    const sealed = seal(keys, await crypto.subtle.exportKey('jwk', pair.privateKey));
    await store.unit(
      async (tx) => {
        if (await issuerKeyRow(tx, epoch)) return;
        const logged = await issuerKeyRows(tx);
        const row = { epoch, public_key: publicKey, sealed_secret: sealed, starts_at: epochStart(clock, epoch), ends_at: epochEnd(clock, epoch), leaf_index: logged.length };
        await insertIssuerKey(tx, row);
        const leaves = [...logged, row].map((r) => issuerKeyLeaf(toIssuerKey(r)));
        const root = signIssuerLogRoot({ size: leaves.length, root: merkleRoot(leaves), ts: clock.now(), collectorKeyId: keys.receipt.keyId }, keys.receipt.secretKey);
        await insertLogRoot(tx, { size: root.size, root: root.root, ts: root.ts, collector_key_id: root.collectorKeyId, sig: root.sig });
      },
      { serializeOn: PUBLISH_KEY },
    );
  };

  const making = new Map<number, Promise<IssuerKeyPair>>();
  const forEpoch = (epoch: number): Promise<IssuerKeyPair> => {
    let pending = making.get(epoch);
    if (!pending) {
      pending = (async () => {
        const found = await load(epoch);
        if (found) return found;
        await append(epoch, await generateIssuerKeyPair());
        const made = await load(epoch);
        if (!made) throw new Error(`issuer key for epoch ${epoch} was not stored`);
        return made;
      })().finally(() => making.delete(epoch));
      making.set(epoch, pending);
    }
    return pending;
  };

  return {
    forEpoch,
    existing: load,
    async proof(epoch) {
      const pair = await forEpoch(epoch);
      const rows = await issuerKeyRows(store.db);
      const leaves = rows.map((r) => issuerKeyLeaf(toIssuerKey(r)));
      const leafIndex = rows.findIndex((r) => r.epoch === epoch);
      const root = await logRootOfSize(store.db, rows.length);
      if (leafIndex < 0 || !root) throw new Error(`issuer key log lacks epoch ${epoch}`);
      return {
        key: pair.key,
        leafIndex,
        path: inclusionPath(leaves, leafIndex),
        root: { v: 1, size: root.size, root: root.root, ts: root.ts, collectorKeyId: root.collector_key_id, sig: root.sig },
      };
    },
  };
}
