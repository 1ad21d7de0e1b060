// Builders for valid wire objects, shared by the wire unit tests and the collector tests.
import { randomUUID } from 'node:crypto';
import {
  generateDeviceKeyPair,
  generateEncryptionKeyPair,
  sealBundle,
  type BundleEnvelope,
  type BundlePlaintext,
  type DeviceKeyPair,
  type EncryptionKeyPair,
  type Signal,
  encodeVectorB64,
  WIRE_VERSION,
} from '../../../utils/wire/index';

export const HOUR_MS = 3_600_000;

let made = 0;

/**
 * Each call makes distinct content (text and a random embedding direction), so the collector's
 * reward scoring sees no duplicates unless a test builds them on purpose.
 */
export function makeSignal(overrides: Partial<Signal> = {}): Signal {
  made += 1;
  return {
    id: randomUUID(),
    origin: 'https://example.com',
    title: 'A page about [PERSON]',
    text: `Met [PERSON] in [LOCATION] to talk about rivers, note ${made}.`,
    entities: [
      { type: 'PERSON', count: 1 },
      { type: 'LOCATION', count: 1 },
    ],
    embedding: encodeVectorB64(Array.from({ length: 16 }, () => Math.random() - 0.5)),
    models: { embed: 'Xenova/all-MiniLM-L6-v2', ner: 'Xenova/bert-base-NER' },
    visitedAt: Math.floor(Date.now() / HOUR_MS) * HOUR_MS,
    dwellMs: 42_000,
    scrollDepth: 0.6,
    interactions: 3,
    lang: 'en',
    ...overrides,
  };
}

export function makePlaintext(device: DeviceKeyPair, overrides: Partial<BundlePlaintext> = {}): BundlePlaintext {
  return {
    v: WIRE_VERSION,
    bundleId: randomUUID(),
    devicePub: device.publicKey,
    createdAt: Date.now(),
    signals: [makeSignal(), makeSignal({ origin: 'https://news.example.org:8443' })],
    ...overrides,
  };
}

export function seal(plaintext: BundlePlaintext, collector: EncryptionKeyPair, device: DeviceKeyPair): BundleEnvelope {
  return sealBundle(plaintext, { collectorPub: collector.publicKey, collectorKeyId: collector.keyId }, device.secretKey);
}

export function freshParties(): { device: DeviceKeyPair; collector: EncryptionKeyPair } {
  return { device: generateDeviceKeyPair(), collector: generateEncryptionKeyPair() };
}
