/**
 * Compute contributions: shards a browser completes while idle (the real extension in Chromium,
 * opted in through its popup, idle as chrome.idle reports it) against the collector's native
 * embedding of the same shards answered as a device over the same routes, and the verification
 * overhead: every device run the collector recorded on its accepted shards, per accepted shard.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { nativeEmbedder } from '../collector/src/compute/embedder';
import { collectorClient } from '../utils/collector-client/client';
import { extensionStateSchema, type UiReply } from '../utils/protocol/ui';
import { signComputeJobRequest, signComputeResult } from '../utils/wire/compute';
import { generateDeviceKeyPair } from '../utils/wire/key-pairs';
import { encodeVectors } from '../utils/wire/vectors';
import { launchExtension, type ExtensionBrowser } from './browser/setup';
import { ROOT } from './lib/child';
import type { Figure } from './lib/report';
import { round } from './lib/stats';

/** Browser shards to wait for: the packaged corpus holds 4, a minute or two of WASM embedding. */
const SHARDS = 4;
const BROWSER_TIMEOUT_MS = 15 * 60_000;

/**
 * The collector's own embedder as a device: asks for jobs until none waits, so every shard holds
 * one native answer and the browser's answer decides it. Model load included, as the browser's is.
 */
async function nativeDevice(collectorUrl: string, manifestFile: string): Promise<{ shards: number; ms: number }> {
  const client = collectorClient(collectorUrl);
  const embedder = nativeEmbedder(path.resolve(ROOT, manifestFile));
  const device = generateDeviceKeyPair();
  const start = performance.now();
  let shards = 0;
  const nextJob = () => client.computeJob(signComputeJobRequest(Date.now(), device.secretKey));
  for (let job = await nextJob(); job; job = await nextJob()) {
    const vectors = await embedder.embed(job.texts);
    await client.computeResult(signComputeResult({ jobId: job.jobId, model: job.model, dims: job.dims, count: vectors.length, vectors: encodeVectors(vectors, job.dims), ts: Date.now() }, device.secretKey));
    shards++;
  }
  return { shards, ms: performance.now() - start };
}

const dispatchIdleState = (ext: ExtensionBrowser, state: 'idle' | 'active') =>
  ext.worker.evaluate((s) => (chrome.idle.onStateChanged as unknown as { dispatch(s: string): void }).dispatch(s), state);

/** Every returned device run on an accepted shard (replicas, third opinions, known-answer checks), per accepted shard. */
function verificationOverhead(collectorDbFile: string): { runs: number; accepted: number } {
  const db = new Database(collectorDbFile, { readonly: true });
  try {
    const { runs, accepted } = db
      .prepare(
        `SELECT (SELECT count(*) FROM compute_jobs j JOIN compute_shards s ON s.shard_id = j.shard_id WHERE s.status = 'accepted' AND j.returned_at IS NOT NULL) AS runs,
                (SELECT count(*) FROM compute_shards WHERE status = 'accepted') AS accepted`,
      )
      .get() as { runs: number; accepted: number };
    return { runs, accepted };
  } finally {
    db.close();
  }
}

export async function benchCompute(extensionDir: string, collectorUrl: string, collectorDbFile: string, manifestFile: string): Promise<Figure[]> {
  const native = await nativeDevice(collectorUrl, manifestFile);
  if (native.shards < SHARDS) throw new Error(`the collector published ${native.shards} shards, the bench waits for ${SHARDS}`);
  const client = collectorClient(collectorUrl);
  const ext = await launchExtension(extensionDir);
  try {
    const popup = await ext.openExtensionPage('popup.html');
    await popup.click('[data-testid=compute-enabled]');
    await popup.waitForSelector('[data-testid=compute-today]');
    const reply = (await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'get-state' }))) as UiReply<unknown>;
    if (!reply.ok) throw new Error(`get-state: ${reply.error}`);
    const { devicePub } = extensionStateSchema.parse(reply.value);
    if (!devicePub) throw new Error('get-state: no device key after opting in to compute');

    // Headless Chromium never goes idle by itself: chrome.idle's own event, dispatched in the
    // service worker, reaches the extension's real listeners (as in test/e2e/compute.e2e.ts).
    const start = performance.now();
    await dispatchIdleState(ext, 'idle');
    // A shard the native device drew as a known-answer check has no second answer yet: the browser's
    // answer to it stays pending, and it is done work all the same.
    const answered = (s: { accepted: number; pending: number }): number => s.accepted + s.pending;
    let status = await client.computeStatus(devicePub);
    while (answered(status) < SHARDS) {
      if (status.rejected > 0 || status.refused) throw new Error(`the collector rejected the browser's answers: ${JSON.stringify(status)}`);
      if (performance.now() - start > BROWSER_TIMEOUT_MS) throw new Error(`${answered(status)} of ${SHARDS} browser shards answered after ${BROWSER_TIMEOUT_MS / 60_000} min`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = await client.computeStatus(devicePub);
    }
    const browserMinutes = (performance.now() - start) / 60_000;
    await dispatchIdleState(ext, 'active');

    const browserRate = answered(status) / browserMinutes;
    const nativeRate = native.shards / (native.ms / 60_000);
    const overhead = verificationOverhead(collectorDbFile);
    return [
      { key: 'compute_browser_shards_per_min', value: round(browserRate, 2), unit: 'shards/min', note: `wall clock from idle to ${answered(status)} answered browser jobs (24 texts each; ${status.accepted} accepted, ${status.pending} waiting for a second device), model load included` },
      { key: 'compute_native_shards_per_min', value: round(nativeRate, 2), unit: 'shards/min', note: `the collector's native embedder as a device over the same routes, ${native.shards} shards, model load included` },
      { key: 'compute_browser_vs_native', value: round(browserRate / nativeRate, 3), unit: 'ratio', note: 'browser shards/min over native shards/min, same run' },
      { key: 'compute_verification_overhead', value: round(overhead.runs / overhead.accepted, 3), unit: '× 1 run', note: `${overhead.runs} device runs on ${overhead.accepted} accepted shards (compute_jobs), over one run per shard` },
    ];
  } finally {
    await ext.close();
  }
}
