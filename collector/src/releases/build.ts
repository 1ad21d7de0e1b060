// One release from the live signals: records as dag-cbor blocks in pages of links, the datasheet, the
// Croissant description, the diversity card, the community model when one could be trained, and the
// manifest over all of it. Pure: the same signals, log root and time give the same blocks and CIDs.
import { createHash } from 'node:crypto';
import type { CID } from 'multiformats/cid';
import {
  cborBlock,
  jsonBlock,
  RECORDS_PER_PAGE,
  recordsJsonl,
  type Block,
  type Manifest,
  type ReleaseRecord,
} from '../../../utils/release/format';
import { looksLikeDeviceIdentifier } from '../../../utils/release/verify';
import type { SignedRoot } from '../../../utils/wire/merkle';
import { buildDataset } from '../export/dataset';
import type { DatasetSignal } from '../export/store';
import { croissant } from './croissant';
import { diversityCard } from './diversity';
import { communityModel } from './model';
import type { ReleasePolicy } from './policy';
import { topTerms } from './terms';

export interface ReleaseInput {
  seq: number;
  createdAt: number;
  policy: ReleasePolicy;
  /** The signed root of the epoch the release is cut from. */
  log: SignedRoot;
  signals: readonly DatasetSignal[];
  /** The release this one supersedes, with its records counted by contribution (countContributions). */
  parent: { cid: CID; contributions: ReadonlyMap<string, number> } | null;
}

export interface BuiltRelease {
  manifestCid: CID;
  manifest: Manifest;
  blocks: Block[];
  /** This release's records counted by contribution, as the next release's parent. */
  contributions: Map<string, number>;
  /** Records of the parent this release no longer holds, and records it holds that the parent did not. */
  recordsLeft: number;
  recordsAdded: number;
}

/**
 * A released contribution across releases: its content without what a release derives from the others
 * (the topic id, by topic sizes; the origin, "other" under k), so a record relabelled by the next
 * release is the same contribution. Identical reads from several devices are one key counted as often.
 */
export function countContributions(records: readonly ReleaseRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) {
    const key = createHash('sha256').update(JSON.stringify([r.text, r.embedding, r.model, r.lang, r.day])).digest('hex');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** How many of `from`'s contributions `to` lacks. */
function missingFrom(from: ReadonlyMap<string, number>, to: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const [key, count] of from) n += Math.max(0, count - (to.get(key) ?? 0));
  return n;
}

export async function buildRelease(input: ReleaseInput): Promise<BuiltRelease> {
  const { policy } = input;
  // The verifier refuses a record that looks like a device key or an id; such a record is withheld, not sent to fail.
  const signals = input.signals.filter((s) => !looksLikeDeviceIdentifier(s.text) && !looksLikeDeviceIdentifier(s.origin));
  const { records, datasheet } = buildDataset(signals, { k: policy.minK, threshold: policy.topicThreshold });

  const recordBlocks = await Promise.all(records.map((r) => cborBlock(r)));
  const pages: Block[] = [];
  for (let i = 0; i < recordBlocks.length; i += RECORDS_PER_PAGE) {
    pages.push(await cborBlock({ records: recordBlocks.slice(i, i + RECORDS_PER_PAGE).map((b) => b.cid) }));
  }
  const current = countContributions(records);
  const previous = input.parent?.contributions ?? new Map<string, number>();
  const recordsLeft = missingFrom(previous, current);
  const recordsAdded = missingFrom(current, previous);

  const terms = Object.fromEntries(
    Object.keys(datasheet.topics.sizes).map((t) => [t, topTerms(records.filter((r) => r.topic === t).map((r) => r.text))]),
  );
  const sheet = { ...datasheet, withheldLookingLikeIdentifiers: input.signals.length - signals.length };
  const sheetBlock = await jsonBlock(sheet);
  const diversityBlock = await jsonBlock(
    diversityCard(datasheet, terms, { parent: input.parent?.cid.toString() ?? null, recordsLeft, recordsAdded }),
  );
  const recordsSha256 = createHash('sha256').update(recordsJsonl(records)).digest('hex');
  const croissantBlock = await jsonBlock(
    croissant({ seq: input.seq, createdAt: input.createdAt, license: policy.license, k: policy.minK, sheet: datasheet, recordsSha256 }),
  );
  // The community model: trained only from these records; none when fewer than two topics can be learned.
  const model = await communityModel(records, (t) => terms[t] ?? []);

  const manifest: Manifest = {
    v: 1,
    kind: 'tributary/release',
    seq: input.seq,
    createdAt: input.createdAt,
    parent: input.parent?.cid ?? null,
    license: policy.license,
    k: policy.minK,
    records: { count: records.length, pages: pages.map((p) => p.cid) },
    topics: Object.fromEntries(
      Object.entries(datasheet.topics.sizes).map(([t, n]) => [t, { records: n, devices: datasheet.topics.devices[t]!, terms: terms[t]! }]),
    ),
    log: input.log,
    datasheet: sheetBlock.cid,
    croissant: croissantBlock.cid,
    diversity: diversityBlock.cid,
    model: model?.ref ?? null,
  };
  const manifestBlock = await cborBlock(manifest);
  return {
    manifestCid: manifestBlock.cid,
    manifest,
    blocks: [manifestBlock, ...pages, ...recordBlocks, sheetBlock, croissantBlock, diversityBlock, ...(model?.blocks ?? [])],
    contributions: current,
    recordsLeft,
    recordsAdded,
  };
}
