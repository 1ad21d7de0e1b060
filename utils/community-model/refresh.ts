// Keeps the device's community model current: one small request (the collector's current release)
// tells whether anything changed; only a release not seen before is fetched and verified.
import type { ReleaseSummary } from '../collector-api/releases';
import type { Db } from '../store/db';
import { readCommunityCheck, saveCommunityCheck, type CommunityCheck } from './model-store';
import { ModelVerificationError, verifiedManifest, verifiedModel, type ReleaseSource } from './verify-model';

export interface CommunitySource extends ReleaseSource {
  latestRelease(): Promise<ReleaseSummary | null>;
}

/** Between two checks of the engine's periodic passes. */
export const MODEL_CHECK_INTERVAL_MS = 30 * 60_000;

/** One check at a time: a second waits for the first, then finds its release already verified and fetches no block again. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Checks for a newer community model unless the last check is younger than `minIntervalMs`; verifies and
 * keeps it when there is one. Never throws: what happened is the returned (and stored) check.
 */
export function refreshCommunityModel(database: Db, source: CommunitySource, receiptPub: string, now: number, minIntervalMs: number): Promise<CommunityCheck> {
  const run = queue.then(() => refresh(database, source, receiptPub, now, minIntervalMs));
  queue = run.catch(() => undefined);
  return run;
}

async function refresh(database: Db, source: CommunitySource, receiptPub: string, now: number, minIntervalMs: number): Promise<CommunityCheck> {
  const last = await readCommunityCheck(database);
  if (last && now - last.checkedAt < minIntervalMs) return last;
  let latest: ReleaseSummary | null;
  try {
    latest = await source.latestRelease();
  } catch (err) {
    return save(database, { result: 'unreachable', releaseCid: null, error: message(err), checkedAt: now });
  }
  if (!latest) return save(database, { result: 'no-release', releaseCid: null, error: null, checkedAt: now });
  const releaseCid = latest.manifestCid;
  // Content-addressed: a release already verified (or found without a model) is the same release.
  if (last?.releaseCid === releaseCid && (last.result === 'verified' || last.result === 'no-model')) {
    return save(database, { ...last, checkedAt: now });
  }
  try {
    const manifest = await verifiedManifest(source, releaseCid, receiptPub);
    const model = await verifiedModel(source, releaseCid, manifest, now);
    if (!model) return save(database, { result: 'no-model', releaseCid, error: null, checkedAt: now });
    return save(database, { result: 'verified', releaseCid, error: null, checkedAt: now }, model);
  } catch (err) {
    const result = err instanceof ModelVerificationError ? 'failed' : 'unreachable';
    return save(database, { result, releaseCid, error: message(err), checkedAt: now });
  }
}

async function save(database: Db, check: CommunityCheck, model?: Awaited<ReturnType<typeof verifiedModel>>): Promise<CommunityCheck> {
  await saveCommunityCheck(database, check, model ?? undefined);
  return check;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 500);
