// Checks a release without trusting whoever served it: every block is what its CID says, the
// manifest's log root is signed by the collector, no record carries anything that identifies a device,
// and every released topic has at least k devices. Pure: blocks in, a report out.
import { sha256 as sha256Bytes } from '@noble/hashes/sha2.js';
import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';
import { bytesToHex } from '../wire/encoding';
import { verifySignedRoot } from '../wire/merkle';
import {
  dagCbor,
  decodeCbor,
  decodeJson,
  manifestSchema,
  raw,
  recordPageSchema,
  recordsJsonl,
  releaseRecordSchema,
  type Manifest,
  type ReleaseRecord,
} from './format';

export interface VerifyOptions {
  /** The collector's receipt public key (hex), which signs its transparency-log roots. */
  receiptPub: string;
  /** The smallest k the checker accepts (the policy in force); the manifest's own k must not be lower. */
  minK?: number;
}

export interface VerifyReport {
  ok: boolean;
  cid: string;
  /** What failed, one sentence each, for people. Empty when ok. */
  failures: string[];
  blocks: number;
  records: number;
  /** The valid records, in release order. */
  recordList: ReleaseRecord[];
  topics: number;
  k: number | null;
  logEpoch: number | null;
  manifest: Manifest | null;
}

/**
 * Anything that looks like what the collector knows a device by: its Ed25519 public key, or a uuid
 * (bundle and signal ids). The collector withholds a record whose text looks like one, so an honest
 * release never fails this check.
 */
const DEVICE_ID = /\b[0-9a-f]{64}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

export const looksLikeDeviceIdentifier = (text: string): boolean => DEVICE_ID.test(text);

/** True when the bytes are what the CID names: sha2-256 of a raw or dag-cbor block. */
export async function blockMatches(cid: CID, bytes: Uint8Array): Promise<boolean> {
  if (cid.multihash.code !== sha256.code) return false;
  if (cid.code !== raw.code && cid.code !== dagCbor.code) return false;
  const digest = await sha256.digest(bytes);
  return digest.bytes.length === cid.multihash.bytes.length && digest.bytes.every((b, i) => b === cid.multihash.bytes[i]);
}

/**
 * The root block as a release manifest whose transparency-log root the collector's receipt key signed:
 * the manifest, or why not (the block's CID is checked by the caller, with every other block).
 */
export function checkManifest(root: CID, bytes: Uint8Array, receiptPub: string): { manifest: Manifest | null; failures: string[] } {
  let value: unknown = null;
  try {
    value = root.code === dagCbor.code ? decodeCbor(bytes) : null;
  } catch {
    value = null;
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) return { manifest: null, failures: [`the root block is not a release manifest: ${parsed.error.issues[0]?.message ?? 'invalid'}`] };
  const manifest = parsed.data;
  const { epoch } = manifest.log;
  const failures = verifySignedRoot(manifest.log, receiptPub)
    ? []
    : [`the manifest's transparency-log root (epoch ${epoch}) is not signed by the collector's receipt key`];
  return { manifest, failures };
}

export async function verifyRelease(root: string, blocks: ReadonlyMap<string, Uint8Array>, opts: VerifyOptions): Promise<VerifyReport> {
  const failures: string[] = [];
  const recordList: ReleaseRecord[] = [];
  const report = (manifest: Manifest | null, records = 0): VerifyReport => ({
    ok: failures.length === 0,
    cid: root,
    failures,
    blocks: blocks.size,
    records,
    recordList,
    topics: manifest ? Object.keys(manifest.topics).length : 0,
    k: manifest?.k ?? null,
    logEpoch: manifest?.log.epoch ?? null,
    manifest,
  });

  for (const [cidText, bytes] of blocks) {
    let cid: CID;
    try {
      cid = CID.parse(cidText);
    } catch {
      failures.push(`block ${cidText}: not a CID`);
      continue;
    }
    if (!(await blockMatches(cid, bytes))) failures.push(`block ${cidText} does not match its CID: its content was altered`);
  }
  if (failures.length) return report(null);

  const get = (cid: CID, what: string): Uint8Array | null => {
    const bytes = blocks.get(cid.toString());
    if (!bytes) failures.push(`${what} (${cid}) is missing from the release`);
    return bytes ?? null;
  };
  const rootBytes = get(CID.parse(root), 'the manifest');
  if (!rootBytes) return report(null);
  const checked = checkManifest(CID.parse(root), rootBytes, opts.receiptPub);
  failures.push(...checked.failures);
  const { manifest } = checked;
  if (!manifest) return report(null);
  if (opts.minK !== undefined && manifest.k < opts.minK) failures.push(`the release's k (${manifest.k}) is below the minimum in force (${opts.minK})`);
  for (const [topic, stats] of Object.entries(manifest.topics)) {
    if (stats.devices < manifest.k) failures.push(`topic ${topic} has ${stats.devices} devices, under k = ${manifest.k}`);
  }

  const perTopic = new Map<string, number>();
  let records = 0;
  for (const pageCid of manifest.records.pages) {
    const pageBytes = get(pageCid, 'a record page');
    if (!pageBytes) continue;
    const page = recordPageSchema.safeParse(decodeCbor(pageBytes));
    if (!page.success) {
      failures.push(`record page ${pageCid} is malformed`);
      continue;
    }
    for (const recordCid of page.data.records) {
      const bytes = get(recordCid, 'a record');
      if (!bytes) continue;
      records++;
      const value = decodeCbor(bytes);
      const record = releaseRecordSchema.safeParse(value);
      if (!record.success) {
        const extra = value && typeof value === 'object' ? Object.keys(value).filter((k) => !(k in releaseRecordSchema.shape)) : [];
        failures.push(
          extra.length
            ? `record ${recordCid} carries fields a release never has (${extra.join(', ')}): possibly a device identifier`
            : `record ${recordCid} is malformed: ${record.error.issues[0]?.message ?? 'invalid'}`,
        );
        continue;
      }
      const { text, origin } = record.data;
      if (DEVICE_ID.test(text) || DEVICE_ID.test(origin)) failures.push(`record ${recordCid} carries a device identifier (a device key or an id)`);
      if (!manifest.topics[record.data.topic]) failures.push(`record ${recordCid} has topic ${record.data.topic}, which the manifest does not list`);
      perTopic.set(record.data.topic, (perTopic.get(record.data.topic) ?? 0) + 1);
      recordList.push(record.data);
    }
  }
  if (records !== manifest.records.count) failures.push(`the manifest says ${manifest.records.count} records, the release holds ${records}`);
  for (const [topic, stats] of Object.entries(manifest.topics)) {
    const n = perTopic.get(topic) ?? 0;
    if (n !== stats.records) failures.push(`topic ${topic}: the manifest says ${stats.records} records, the release holds ${n}`);
  }

  const documents: Record<string, unknown> = {};
  for (const [name, cid] of [
    ['datasheet', manifest.datasheet],
    ['Croissant description', manifest.croissant],
    ['diversity card', manifest.diversity],
  ] as const) {
    const bytes = get(cid, `the ${name}`);
    if (!bytes) continue;
    try {
      documents[name] = decodeJson(bytes);
    } catch {
      failures.push(`the ${name} is not JSON`);
    }
  }
  const described = (documents['Croissant description'] as { distribution?: { sha256?: unknown }[] } | undefined)?.distribution?.[0]?.sha256;
  if (documents['Croissant description'] && described !== bytesToHex(sha256Bytes(new TextEncoder().encode(recordsJsonl(recordList))))) {
    failures.push("the Croissant description's sha256 is not that of the release's records");
  }
  if (manifest.model) {
    get(manifest.model.onnx, 'the community model');
    get(manifest.model.card, 'the model card');
  }
  return report(manifest, records);
}
