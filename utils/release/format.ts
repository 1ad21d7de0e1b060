// The release format, shared by the collector that cuts releases and whoever checks one (the verify
// CLI, the extension). A release is a DAG of IPLD blocks: the manifest (dag-cbor, the root) links the
// record pages (dag-cbor lists of record links), the records (dag-cbor) and the documents (raw JSON
// blocks: datasheet, Croissant description, diversity card, model card; the ONNX model as raw bytes).
import * as dagCbor from '@ipld/dag-cbor';
import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { sha256 } from 'multiformats/hashes/sha2';
import { z } from 'zod';
import { signedRootSchema } from '../wire/merkle';

export const RECORDS_PER_PAGE = 1000;

export interface Block {
  cid: CID;
  bytes: Uint8Array;
}

export async function cborBlock(value: unknown): Promise<Block> {
  const bytes = dagCbor.encode(value);
  return { cid: CID.createV1(dagCbor.code, await sha256.digest(bytes)), bytes };
}

export async function rawBlock(bytes: Uint8Array): Promise<Block> {
  return { cid: CID.createV1(raw.code, await sha256.digest(bytes)), bytes };
}

export const jsonBlock = (value: unknown): Promise<Block> => rawBlock(new TextEncoder().encode(JSON.stringify(value, null, 2) + '\n'));

/** A CID as dag-cbor decodes it (a link), checked to be one of ours: CIDv1, raw or dag-cbor, sha2-256. */
export const link = z.custom<CID>((v) => {
  const cid = CID.asCID(v);
  return !!cid && cid.version === 1 && (cid.code === raw.code || cid.code === dagCbor.code) && cid.multihash.code === sha256.code;
}, 'expected a CIDv1 link (raw or dag-cbor, sha2-256)');

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * One released contribution. Strict: a record with any other field (a device key, a signal or bundle
 * id, a visit time) is not a record of this format.
 */
export const releaseRecordSchema = z.strictObject({
  topic: z.string().regex(/^t\d+$/),
  text: z.string().max(20_000),
  embedding: z.array(z.number()).min(1).max(4096),
  model: z.string().min(1).max(200),
  lang: z.string().max(35).nullable(),
  day,
  origin: z.string().max(2048),
});
export type ReleaseRecord = z.infer<typeof releaseRecordSchema>;

export const recordPageSchema = z.strictObject({ records: z.array(link).min(1).max(RECORDS_PER_PAGE) });

export const topicStatsSchema = z.strictObject({
  records: z.number().int().min(1),
  /** Distinct contributing devices (a count only: which devices is never released). */
  devices: z.number().int().min(1),
  /** The most frequent words of the topic's texts, for people and the community model's labels. */
  terms: z.array(z.string().max(64)).max(10),
});

export const modelRefSchema = z.strictObject({
  /** ONNX, input `embedding` [n, dims] float32, output `probabilities` [n, labels]. */
  onnx: link,
  card: link,
  labels: z.array(z.string().regex(/^t\d+$/)).min(2),
  dims: z.number().int().min(1),
  embeddingModel: z.string().min(1),
  heldOutAccuracy: z.number().min(0).max(1),
});
export type ModelRef = z.infer<typeof modelRefSchema>;

/** The community model's card (a raw JSON block): what it is, how it was trained, how well it does. */
export const modelCardSchema = z.strictObject({
  v: z.literal(1),
  name: z.string().max(200),
  task: z.string().max(1000),
  architecture: z.string().max(1000),
  training: z.string().max(1000),
  embeddingModel: z.string().min(1).max(200),
  dims: z.number().int().min(1),
  /** In the order of the model's outputs, each topic with its top terms. */
  labels: z.array(z.strictObject({ topic: z.string().regex(/^t\d+$/), terms: z.array(z.string().max(64)).max(10) })).min(2),
  split: z.strictObject({ rule: z.string().max(500), train: z.number().int().min(0), heldOut: z.number().int().min(1) }),
  /** Share of the held-back records the model labels with their own topic. */
  heldOutAccuracy: z.number().min(0).max(1),
  limitations: z.string().max(2000),
});
export type ModelCard = z.infer<typeof modelCardSchema>;

export const manifestSchema = z.strictObject({
  v: z.literal(1),
  kind: z.literal('tributary/release'),
  seq: z.number().int().min(1),
  createdAt: z.number().int().min(0),
  /** The release this one supersedes, or null for the first. */
  parent: link.nullable(),
  license: z.string().min(1).max(200),
  /** Every released topic comes from at least k devices. */
  k: z.number().int().min(1),
  records: z.strictObject({ count: z.number().int().min(0), pages: z.array(link) }),
  topics: z.record(z.string().regex(/^t\d+$/), topicStatsSchema),
  /** The collector's signed transparency-log root of the epoch this release was cut from. */
  log: signedRootSchema,
  datasheet: link,
  croissant: link,
  diversity: link,
  model: modelRefSchema.nullable(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const decodeCbor = (bytes: Uint8Array): unknown => dagCbor.decode(bytes);
export const decodeJson = (bytes: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(bytes));
export { dagCbor, raw };

/** The records as JSON lines, in release order: the file the Croissant description's sha256 is over. */
export function recordsJsonl(records: readonly ReleaseRecord[]): string {
  return records
    .map((r) => JSON.stringify({ topic: r.topic, text: r.text, embedding: r.embedding, model: r.model, lang: r.lang, day: r.day, origin: r.origin }) + '\n')
    .join('');
}
