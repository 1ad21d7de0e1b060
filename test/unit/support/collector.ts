// A collector's keys and a scripted stand-in for the HTTP client, for outbox and deletion tests.
import { vi } from 'vitest';
import { CollectorError, type CollectorClient } from '../../../utils/collector-client/client';
import {
  bytesToBase64,
  generateEncryptionKeyPair,
  generateReceiptKeyPair,
  openEnvelope,
  signIngestReceipt,
  type BundleEnvelope,
  type CollectorKeysResponse,
  type EncryptionKeyPair,
  type IngestReceipt,
  type ReceiptKeyPair,
} from '../../../utils/wire';

export interface CollectorParties {
  encryption: EncryptionKeyPair;
  receipt: ReceiptKeyPair;
  keys: CollectorKeysResponse;
}

export function collectorParties(): CollectorParties {
  const encryption = generateEncryptionKeyPair();
  const receipt = generateReceiptKeyPair();
  return {
    encryption,
    receipt,
    keys: {
      encryption: [{ keyId: encryption.keyId, publicKey: bytesToBase64(encryption.publicKey), current: true }],
      receipt: { keyId: receipt.keyId, publicKey: receipt.publicKey },
    },
  };
}

/** The receipt an honest collector gives for an envelope it opened with its key. */
export function ingestReceiptFor(envelope: BundleEnvelope, parties: CollectorParties, signer: ReceiptKeyPair = parties.receipt): IngestReceipt {
  const plain = openEnvelope(envelope, parties.encryption.secretKey);
  return signIngestReceipt(
    {
      bundleId: plain.bundleId,
      devicePub: plain.devicePub,
      signalIds: plain.signals.map((s) => s.id),
      storedAt: plain.createdAt,
      credited: plain.signals.length,
      collectorKeyId: signer.keyId,
    },
    signer.secretKey,
  );
}

/** A client whose every method fails unless a test scripts it. */
export function fakeClient(overrides: Partial<CollectorClient> = {}): CollectorClient {
  const unexpected = (name: string) => vi.fn(async () => {
    throw new CollectorError(`unexpected call to ${name}`, null, 'unexpected', null);
  });
  return {
    keys: unexpected('keys'),
    submitBundle: unexpected('submitBundle'),
    balance: unexpected('balance'),
    requestDeletion: unexpected('requestDeletion'),
    ...overrides,
  } as CollectorClient;
}
