// Receipts are signed by the collector's Ed25519 receipt key so the extension
// can keep them and check them offline against the key from GET /v1/keys.
import { z } from 'zod';
import { canonicalBytes } from './canonical';
import { signBytes, verifyBytes } from './key-pairs';
import { devicePub, ed25519Sig, hex, keyId, timestampMs, uuid } from './primitives';

export const DELETION_RECEIPT_TAG = 'tributary/deletion-receipt/v1';
export const INGEST_RECEIPT_TAG = 'tributary/ingest-receipt/v1';

export const deletionReceiptSchema = z.strictObject({
  v: z.literal(1),
  requestHash: hex(32),
  devicePub,
  /** Ids of the signals that were deleted. */
  deleted: z.array(uuid),
  /** Ids of the bundles whose stored envelope (ciphertext) was purged because at least one of its signals was deleted. */
  deletedBundles: z.array(uuid),
  /** Reward units withdrawn from the device's unclaimed balance. */
  debited: z.number().int().min(0),
  /**
   * The collector's keys at rest this deletion destroyed (crypto-shredding): the device's key for a
   * deletion of everything, each purged bundle's key otherwise. Copies taken before no longer open.
   */
  destroyedKeys: z.array(z.strictObject({ kind: z.enum(['device', 'bundle']), keyId })),
  ts: timestampMs,
  collectorKeyId: keyId,
  sig: ed25519Sig,
});
export type DeletionReceipt = z.infer<typeof deletionReceiptSchema>;

export const ingestReceiptSchema = z.strictObject({
  v: z.literal(1),
  bundleId: uuid,
  devicePub,
  signalIds: z.array(uuid),
  storedAt: timestampMs,
  /** Reward units credited for this bundle. */
  credited: z.number().int().min(0),
  collectorKeyId: keyId,
  sig: ed25519Sig,
});
export type IngestReceipt = z.infer<typeof ingestReceiptSchema>;

type Unsigned<T> = Omit<T, 'sig' | 'v'>;

export function signDeletionReceipt(r: Unsigned<DeletionReceipt>, receiptSecretKey: Uint8Array): DeletionReceipt {
  const unsigned = { v: 1 as const, ...r };
  return { ...unsigned, sig: signBytes(canonicalBytes(DELETION_RECEIPT_TAG, unsigned), receiptSecretKey) };
}

export function signIngestReceipt(r: Unsigned<IngestReceipt>, receiptSecretKey: Uint8Array): IngestReceipt {
  const unsigned = { v: 1 as const, ...r };
  return { ...unsigned, sig: signBytes(canonicalBytes(INGEST_RECEIPT_TAG, unsigned), receiptSecretKey) };
}

function verifySigned<T extends { sig: string }>(schema: z.ZodType<T>, tag: string, receipt: unknown, receiptPubHex: string): boolean {
  const parsed = schema.safeParse(receipt);
  if (!parsed.success) return false;
  const { sig, ...unsigned } = parsed.data;
  return verifyBytes(sig, canonicalBytes(tag, unsigned as Parameters<typeof canonicalBytes>[1]), receiptPubHex);
}

/** Offline check of a deletion receipt against the collector's receipt public key (hex). */
export function verifyReceipt(receipt: unknown, collectorReceiptPub: string): receipt is DeletionReceipt {
  return verifySigned(deletionReceiptSchema, DELETION_RECEIPT_TAG, receipt, collectorReceiptPub);
}

export function verifyIngestReceipt(receipt: unknown, collectorReceiptPub: string): receipt is IngestReceipt {
  return verifySigned(ingestReceiptSchema, INGEST_RECEIPT_TAG, receipt, collectorReceiptPub);
}
