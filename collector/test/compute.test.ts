import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDeviceKeyPair, type DeviceKeyPair } from '../../utils/wire/key-pairs';
import { signComputeJobRequest, signComputeResult, type ComputeJob } from '../../utils/wire/compute';
import { encodeVectors } from '../../utils/wire/vectors';
import type { Embedder } from '../src/compute/embedder';
import { startHarness, type Harness } from './harness';

const DIMS = 8;

/** A stand-in model: a fixed unit vector per text, so agreeing and disagreeing answers are exact. */
function vectorOf(text: string): Float32Array {
  const digest = createHash('sha256').update(text).digest();
  const v = Float32Array.from({ length: DIMS }, (_, i) => digest[i]! - 127.5);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}
const embedder: Embedder = { model: { id: 'test-embed', version: '0123456789abcdef' }, dims: DIMS, embed: async (texts) => texts.map(vectorOf) };

describe('compute jobs over HTTP', () => {
  let h: Harness;
  /** What the collector's random source draws next (0.5 once empty: no known-answer job, the middle shard). */
  let draws: number[];

  beforeEach(async () => {
    draws = [];
    h = await startHarness({}, undefined, { embedder, random: () => draws.shift() ?? 0.5 });
  });
  afterEach(() => h.close());

  const askJob = async (device: DeviceKeyPair) => h.app.inject({ method: 'POST', url: '/v1/compute/jobs', payload: signComputeJobRequest(Date.now(), device.secretKey) });
  const job = async (device: DeviceKeyPair): Promise<ComputeJob> => {
    const res = await askJob(device);
    expect(res.statusCode).toBe(200);
    return res.json<{ job: ComputeJob }>().job;
  };
  const answer = (device: DeviceKeyPair, j: ComputeJob, vectors: Float32Array[] = j.texts.map(vectorOf), overrides: object = {}) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/compute/results',
      payload: {
        ...signComputeResult({ jobId: j.jobId, model: j.model, dims: j.dims, count: vectors.length, vectors: encodeVectors(vectors, j.dims), ts: Date.now() }, device.secretKey),
        ...overrides,
      },
    });
  const verdict = async (device: DeviceKeyPair, j: ComputeJob, vectors?: Float32Array[]) => {
    const res = await answer(device, j, vectors);
    expect(res.statusCode).toBe(200);
    return res.json<{ verdict: string }>().verdict;
  };
  const balance = async (device: DeviceKeyPair) => (await h.app.inject({ method: 'GET', url: `/v1/devices/${device.publicKey}/balance` })).json<{ balance: number }>().balance;
  const wrong = (j: ComputeJob) => j.texts.map((t) => vectorOf(`not ${t}`));

  it('publishes the packaged corpus as shards pinned to the model, one job at a time per device', async () => {
    const [a] = [generateDeviceKeyPair()];
    const first = await job(a);
    expect(first.model).toEqual(embedder.model);
    expect(first.dims).toBe(DIMS);
    expect(first.texts.length).toBeGreaterThanOrEqual(20);
    expect((await job(a)).jobId).toBe(first.jobId);
    const shards = await h.query('SELECT shard_id, model_version FROM compute_shards');
    expect(shards.length).toBe(4);
    expect(shards.every((s) => s.model_version === embedder.model.version)).toBe(true);
  });

  it('refuses a request or result signed by another key', async () => {
    const [a, b] = [generateDeviceKeyPair(), generateDeviceKeyPair()];
    const forged = { ...signComputeJobRequest(Date.now(), a.secretKey), devicePub: b.publicKey };
    expect((await h.app.inject({ method: 'POST', url: '/v1/compute/jobs', payload: forged })).statusCode).toBe(401);
    const j = await job(a);
    expect((await answer(a, j, undefined, { devicePub: b.publicKey })).statusCode).toBe(401);
    // Another device cannot answer a's job.
    const signedByB = await answer(b, j);
    expect(signedByB.statusCode).toBe(404);
  });

  it('accepts a shard when two devices agree, credits both, and serves the vectors in the public index', async () => {
    const [a, b] = [generateDeviceKeyPair(), generateDeviceKeyPair()];
    const ja = await job(a);
    expect(await verdict(a, ja)).toBe('pending');
    expect(await balance(a)).toBe(0);
    const jb = await job(b);
    expect(jb.texts).toEqual(ja.texts);
    expect(await verdict(b, jb)).toBe('accepted');
    expect(await verdict(a, ja)).toBe('accepted');
    expect([await balance(a), await balance(b)]).toEqual([1, 1]);
    const status = (await h.app.inject({ method: 'GET', url: `/v1/compute/devices/${a.publicKey}` })).json();
    expect(status).toEqual({ devicePub: a.publicKey, pending: 0, accepted: 1, rejected: 0, units: 1, refused: false });

    const query = ja.texts[3]!;
    const search = await h.app.inject({ method: 'GET', url: `/v1/index/search?q=${encodeURIComponent(query)}&k=3` });
    expect(search.statusCode).toBe(200);
    const found = search.json<{ model: object; results: { text: string; score: number; source: string }[] }>();
    expect(found.model).toEqual(embedder.model);
    expect(found.results).toHaveLength(3);
    expect(found.results[0]).toMatchObject({ text: query, source: 'founding-documents' });
    expect(found.results[0]!.score).toBeCloseTo(1, 5);
  });

  it('sends a disputed shard to a third device, which decides it; the outvoted answer earns nothing', async () => {
    const [a, b, c] = [generateDeviceKeyPair(), generateDeviceKeyPair(), generateDeviceKeyPair()];
    const ja = await job(a);
    expect(await verdict(a, ja, wrong(ja))).toBe('pending');
    const jb = await job(b);
    expect(jb.texts).toEqual(ja.texts);
    expect(await verdict(b, jb)).toBe('pending');
    const jc = await job(c);
    expect(jc.texts).toEqual(ja.texts);
    expect(await verdict(c, jc)).toBe('accepted');
    expect(await verdict(a, ja)).toBe('rejected');
    expect([await balance(a), await balance(b), await balance(c)]).toEqual([0, 1, 1]);
  });

  it('refuses more jobs to a device that fails a known-answer check, and credits one that passes', async () => {
    const [a, b] = [generateDeviceKeyPair(), generateDeviceKeyPair()];
    draws = [0.01];
    const ja = await job(a);
    expect(await verdict(a, ja)).toBe('accepted');
    expect(await balance(a)).toBe(1);
    draws = [0.01];
    const jb = await job(b);
    expect(await verdict(b, jb, wrong(jb))).toBe('rejected');
    const refused = await askJob(b);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('compute_refused');
    expect(await balance(b)).toBe(0);
  });

  it('refuses vectors of another model or of the wrong shape', async () => {
    const a = generateDeviceKeyPair();
    const j = await job(a);
    const other = await answer(a, { ...j, model: { id: 'other', version: 'ffffffffffffffff' } });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('wrong_model');
    const short = await answer(a, j, j.texts.slice(1).map(vectorOf));
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('wrong_shape');
  });
});
