// Compute contributions in real Chromium: the user opts in to compute in the popup, the browser
// reports the computer idle (chrome.idle's own event, dispatched in the extension's service
// worker: headless Chromium never goes idle by itself), the extension embeds shards in its model
// host and the collector accepts and credits them; while the user is active no job runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeRunners } from '../../utils/models/node-runners';
import type { ModelRunners } from '../../utils/models/runners';
import { generateDeviceKeyPair } from '../../utils/wire/key-pairs';
import { signComputeJobRequest, signComputeResult, computeJobSchema } from '../../utils/wire/compute';
import { encodeVectors, unpackVectors } from '../../utils/wire/vectors';
import { minCosine } from '../../collector/src/compute/agreement';
import { startStack, type Stack } from './harness/stack';

describe('compute: idle-time embedding for the commons', () => {
  let stack: Stack;
  let native: ModelRunners;

  beforeAll(async () => {
    [stack, native] = await Promise.all([startStack(), loadNodeRunners()]);
  });
  afterAll(async () => {
    await stack?.close();
    await native?.dispose();
  });

  const post = async (url: string, body: unknown) => {
    const res = await fetch(new URL(url, stack.collector.baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return res.json();
  };
  const deviceStatus = async (devicePub: string) =>
    (await (await fetch(new URL(`/v1/compute/devices/${devicePub}`, stack.collector.baseUrl))).json()) as { accepted: number; pending: number; rejected: number; units: number };
  const jobsOf = (devicePub: string) =>
    stack.collectorDb().prepare('SELECT job_id, shard_id, returned_at, vectors_f32 FROM compute_jobs WHERE device_pub = ?').all(devicePub) as {
      shard_id: string;
      returned_at: number | null;
      vectors_f32: Buffer | null;
    }[];
  const dispatchIdle = (state: 'idle' | 'active') =>
    stack.browser.worker.evaluate((s) => (chrome.idle.onStateChanged as unknown as { dispatch(s: string): void }).dispatch(s), state);

  it('a native device has answered every shard first, so the browser’s answers can be checked against it', async () => {
    const device = generateDeviceKeyPair();
    for (;;) {
      const { job } = (await post('/v1/compute/jobs', signComputeJobRequest(Date.now(), device.secretKey))) as { job: unknown };
      if (!job) break;
      const j = computeJobSchema.parse(job);
      const vectors = await native.embed(j.texts);
      await post('/v1/compute/results', signComputeResult({ jobId: j.jobId, model: j.model, dims: j.dims, count: vectors.length, vectors: encodeVectors(vectors, j.dims), ts: Date.now() }, device.secretKey));
    }
    expect(jobsOf(device.publicKey).length).toBeGreaterThanOrEqual(4);
  });

  it('is off by default; opted in while the user is active, no job runs', async () => {
    const before = await stack.ui({ type: 'get-state' });
    expect(before.compute.settings.enabled).toBe(false);
    await stack.popup.bringToFront();
    await stack.popup.click('[data-testid=compute-enabled]');
    await stack.popup.waitForSelector('[data-testid=compute-today]');
    // Asking again runs the decision again: the user is active, so it refuses.
    const state = await stack.ui({ type: 'set-compute', settings: { enabled: true } });
    expect(state.compute.settings.enabled).toBe(true);
    expect(state.devicePub).not.toBeNull();
    await expect.poll(async () => (await stack.ui({ type: 'get-state' })).compute.blocked).toBe('user-active');
    expect((await stack.ui({ type: 'get-state' })).compute.running).toBe(false);
    expect(jobsOf(state.devicePub!)).toHaveLength(0);
  });

  it('idle: the extension completes shards, the collector accepts them and credits the device', async () => {
    const devicePub = (await stack.ui({ type: 'get-state' })).devicePub!;
    await dispatchIdle('idle');
    // Every answer the device returns is decided (accepted) or waits for a second device (pending): a
    // shard the native device drew as a known-answer check has no other answer yet (a 5 % draw per job).
    await expect
      .poll(async () => {
        const s = await deviceStatus(devicePub);
        return s.accepted + s.pending;
      }, { timeout: 240_000, interval: 1000 })
      .toBeGreaterThanOrEqual(4);
    const status = await deviceStatus(devicePub);
    expect(status.rejected).toBe(0);
    expect(status.accepted).toBeGreaterThan(0);
    expect(status.units).toBe(status.accepted);
    const balance = (await (await fetch(new URL(`/v1/devices/${devicePub}/balance`, stack.collector.baseUrl))).json()) as { balance: number };
    expect(balance.balance).toBeGreaterThanOrEqual(status.accepted);
    const state = await stack.ui({ type: 'get-state' });
    expect(state.compute.today.shards).toBeGreaterThanOrEqual(4);
    expect(state.compute.today.modelMs).toBeGreaterThan(0);

    // The browser's WASM vectors against the native device's, text by text.
    const db = stack.collectorDb();
    const rows = db
      .prepare(
        `SELECT b.vectors_f32 AS browser, n.vectors_f32 AS native, s.texts_json, s.dims FROM compute_jobs b
         JOIN compute_jobs n ON n.shard_id = b.shard_id AND n.device_pub <> b.device_pub AND n.known_answer = 0
         JOIN compute_shards s ON s.shard_id = b.shard_id WHERE b.device_pub = ? AND b.known_answer = 0`,
      )
      .all(devicePub) as { browser: Buffer; native: Buffer; texts_json: string; dims: number }[];
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    // A shard answered by both devices has its quorum: each of those answers is accepted.
    expect(status.accepted).toBeGreaterThanOrEqual(rows.length);
    const lowest = Math.min(
      ...rows.map((r) => {
        const n = (JSON.parse(r.texts_json) as string[]).length;
        return minCosine(unpackVectors(r.browser, n, r.dims), unpackVectors(r.native, n, r.dims));
      }),
    );
    console.log(`compute e2e: ${rows.length} shards, lowest cosine browser (WASM) vs native over ${rows.length * 24} texts: ${lowest.toFixed(6)}`);
    expect(lowest).toBeGreaterThanOrEqual(0.99);
  });

  it('with the user active again, no job runs', async () => {
    await dispatchIdle('active');
    const devicePub = (await stack.ui({ type: 'get-state' })).devicePub!;
    const jobs = jobsOf(devicePub).length;
    await stack.ui({ type: 'set-compute', settings: { enabled: true } });
    await expect.poll(async () => (await stack.ui({ type: 'get-state' })).compute.blocked).toBe('user-active');
    expect((await stack.ui({ type: 'get-state' })).compute.running).toBe(false);
    expect(jobsOf(devicePub)).toHaveLength(jobs);
  });
});
