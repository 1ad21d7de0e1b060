// Cutting a release: publish a log epoch, read the live signals, build the release from them, put its
// blocks on the IPFS node, record it (superseding the previous one), and publish another epoch so the
// manifest's CID is in the signed log. Runs on demand and on the cadence in force.
import { CID } from 'multiformats/cid';
import { decodeCbor, manifestSchema, recordPageSchema, releaseRecordSchema } from '../../../utils/release/format';
import type { SignedRoot } from '../../../utils/wire/merkle';
import type { Store } from '../db/store';
import { liveSignals } from '../export/store';
import type { Keyring } from '../at-rest/keyring';
import type { IpfsNode } from '../ipfs/node';
import { buildRelease, countContributions } from './build';
import type { ReleasePolicy } from './policy';
import { latestRelease, recordRelease, type ReleaseRow } from './store';

export interface ReleaseContext {
  store: Store;
  /** Opens the stored content (sealed at rest). */
  keyring: Keyring;
  node: IpfsNode;
  policy: () => ReleasePolicy;
  publishEpoch: () => Promise<SignedRoot>;
  now: () => number;
}

/** Collectors sharing a database record their releases one at a time. */
const CUT_KEY = 'releases:cut';

async function contributionsOf(node: IpfsNode, manifestCid: CID): Promise<Map<string, number>> {
  const manifest = manifestSchema.parse(decodeCbor(await node.get(manifestCid)));
  const records = [];
  for (const page of manifest.records.pages) {
    for (const r of recordPageSchema.parse(decodeCbor(await node.get(page))).records) records.push(releaseRecordSchema.parse(decodeCbor(await node.get(r))));
  }
  return countContributions(records);
}

export interface CutResult {
  release: ReleaseRow;
  /** False when nothing changed since the latest release (no new release is cut). */
  cut: boolean;
}

export async function cutRelease(ctx: ReleaseContext): Promise<CutResult> {
  const log = await ctx.publishEpoch();
  const previous = await latestRelease(ctx.store.db);
  const parentCid = previous ? CID.parse(previous.manifestCid) : null;
  const parent = parentCid ? { cid: parentCid, contributions: await contributionsOf(ctx.node, parentCid) } : null;
  const built = await buildRelease({
    seq: (previous?.seq ?? 0) + 1,
    createdAt: ctx.now(),
    policy: ctx.policy(),
    log,
    signals: await liveSignals(ctx.store.db, ctx.keyring),
    parent,
  });
  if (previous && parent && built.recordsLeft === 0 && built.recordsAdded === 0) return { release: previous, cut: false };
  await ctx.node.put(built.blocks);
  const row = {
    seq: built.manifest.seq,
    manifestCid: built.manifestCid.toString(),
    parentCid: previous?.manifestCid ?? null,
    logEpoch: log.epoch,
    records: built.manifest.records.count,
    recordsLeft: built.recordsLeft,
    createdAt: built.manifest.createdAt,
  };
  await ctx.store.unit((tx) => recordRelease(tx, row), { serializeOn: CUT_KEY });
  await ctx.publishEpoch();
  return { release: { ...row, supersededBy: null }, cut: true };
}

/** Cuts a release every cadence, read again after each cut (the community may change it). Returns a stop function. */
export function scheduleReleases(cut: () => Promise<unknown>, cadenceMs: () => number, onError: (err: unknown) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const next = (): void => {
    if (stopped) return;
    timer = setTimeout(() => void cut().catch(onError).finally(next), cadenceMs());
    timer.unref();
  };
  next();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
