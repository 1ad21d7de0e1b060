// SIGKILL the collector in the middle of a stream of submissions, restart it
// on the same data dir, resubmit every bundle whose ack never arrived: each
// bundle must end up stored exactly once and credited exactly once.
import Database from 'better-sqlite3';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { base64ToBytes, generateDeviceKeyPair, sealBundle, verifyIngestReceipt, type BundleEnvelope } from '../../utils/wire/index';
import { makePlaintext } from '../../test/unit/wire/fixtures';
import { SQLITE_FILE_NAME } from '../src/db/sqlite';
import { tempDir } from './harness';
import { postJson, rawRequest, startCollector, type RunningCollector } from './process';

const TOTAL = 60;
const CONCURRENCY = 6;
const KILL_AFTER_ACKS = 20;

const dirs = [tempDir(), tempDir()];
let running: RunningCollector | undefined;
afterAll(async () => {
  await running?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Files under the blob directory: temp files (current and earlier names) and blobs. */
function blobDirFiles(dataDir: string): { temporary: string[]; blobs: string[] } {
  const files = readdirSync(join(dataDir, 'blobs'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(join(dataDir, 'blobs').length + 1));
  const temporary = files.filter((f) => f.startsWith('.tmp'));
  return { temporary, blobs: files.filter((f) => !temporary.includes(f)).sort() };
}

function liveCids(dataDir: string): string[] {
  const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    return (db.prepare('SELECT cid FROM bundles WHERE deleted_at IS NULL').all() as { cid: string }[]).map((r) => r.cid).sort();
  } finally {
    db.close();
  }
}

async function keysOf(c: RunningCollector) {
  return JSON.parse((await rawRequest(c.port, { method: 'GET', path: '/v1/keys' })).body);
}

async function streamKillRestart(dataDir: string, mode: 'external' | 'failpoint'): Promise<{ acked: number; duplicates: number }> {
    running = await startCollector(dataDir, mode === 'failpoint' ? { COLLECTOR_FAILPOINT_KILL_AFTER_COMMITS: String(KILL_AFTER_ACKS) } : {});
    const keys = await keysOf(running);
    const collectorKey = { collectorPub: base64ToBytes(keys.encryption[0].publicKey), collectorKeyId: keys.encryption[0].keyId };
    const device = generateDeviceKeyPair();
    const envelopes: BundleEnvelope[] = Array.from({ length: TOTAL }, () =>
      sealBundle(makePlaintext(device), collectorKey, device.secretKey),
    );

    // Stream with a few in flight; kill the whole process group once enough acks are in.
    const acked = new Set<string>();
    let next = 0;
    let killed: Promise<void> | undefined;
    const port = running.port;
    const worker = async () => {
      while (next < TOTAL && !killed) {
        const env = envelopes[next++]!;
        try {
          const res = await postJson(port, '/v1/bundles', env);
          if (res.status === 200) acked.add(env.bundleId);
        } catch {
          // Connection died with the process: no ack. Wait for the exit to be
          // seen rather than racing on to refused connections.
          if (mode === 'failpoint' && !killed) killed = running!.exited.then(() => undefined);
        }
        if (mode === 'external' && acked.size >= KILL_AFTER_ACKS && !killed) killed = running!.kill();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await killed;
    expect(killed).toBeDefined();
    if (mode === 'external') expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // The failpoint dies after commit KILL_AFTER_ACKS but before acking it.
    if (mode === 'failpoint') expect(acked.size).toBeLessThan(KILL_AFTER_ACKS);
    expect(acked.size).toBeLessThan(TOTAL);
    await running.kill();
    const left = blobDirFiles(dataDir);
    const rowless = left.blobs.filter((cid) => !liveCids(dataDir).includes(cid)).length;

    // Restart on the same data dir and key file; resubmit everything un-acked.
    running = await startCollector(dataDir);
    // What the kill left in the blob directory is gone once the collector has started again.
    expect(blobDirFiles(dataDir)).toEqual({ temporary: [], blobs: liveCids(dataDir) });
    expect((await keysOf(running)).encryption[0].keyId).toBe(collectorKey.collectorKeyId);
    let duplicates = 0;
    for (const env of envelopes.filter((e) => !acked.has(e.bundleId))) {
      const res = await postJson(running.port, '/v1/bundles', env);
      expect(res.status, res.body).toBe(200);
      const body = JSON.parse(res.body);
      expect(verifyIngestReceipt(body.receipt, keys.receipt.publicKey)).toBe(true);
      if (body.duplicate) duplicates++;
    }
    console.log(
      `crash-recovery (${mode}): ${acked.size} acked before SIGKILL, ${TOTAL - acked.size} resubmitted, ${duplicates} of them already stored (ack lost); ` +
        `the kill left ${left.temporary.length} temp files and ${rowless} blobs without a row`,
    );

    const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
      expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM bundles').n).toBe(TOTAL);
      expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM signals').n).toBe(TOTAL * 2);
      expect(one<{ n: number; d: number }>("SELECT COUNT(*) AS n, COUNT(DISTINCT bundle_id) AS d FROM ledger WHERE kind = 'credit'")).toEqual({
        n: TOTAL,
        d: TOTAL,
      });
      for (const env of envelopes) {
        expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM bundles WHERE bundle_id = ?', env.bundleId).n).toBe(1);
        expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM signals WHERE bundle_id = ?', env.bundleId).n).toBe(2);
      }
    } finally {
      db.close();
    }
    expect(blobDirFiles(dataDir)).toEqual({ temporary: [], blobs: liveCids(dataDir) });
    const balance = JSON.parse((await rawRequest(running.port, { method: 'GET', path: `/v1/devices/${device.publicKey}/balance` })).body);
    expect(balance).toEqual({ devicePub: device.publicKey, balance: TOTAL * 2, bundles: TOTAL, signals: TOTAL * 2 });
    // Graceful shutdown on SIGTERM exits cleanly.
    expect(await running.stop()).toBe(0);
    running = undefined;
    return { acked: acked.size, duplicates };
}

describe('crash recovery', () => {
  it('stores and credits every bundle exactly once across an external SIGKILL mid-stream', async () => {
    await streamKillRestart(dirs[0]!, 'external');
  });

  it('recovers a bundle committed but never acknowledged (SIGKILL between commit and ack)', async () => {
    const { duplicates } = await streamKillRestart(dirs[1]!, 'failpoint');
    // At least the bundle whose commit triggered the kill comes back as a duplicate, not a second credit.
    expect(duplicates).toBeGreaterThanOrEqual(1);
  });
});
