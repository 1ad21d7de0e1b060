// 100 devices, 10 of them dishonest, embed a corpus through the real job service and store.
// Honest devices answer with the native float32 reference plus noise well above what WASM vs
// native differ by; dishonest ones answer random vectors, or — colluding — the same wrong ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDeviceKeyPair } from '../../utils/wire/key-pairs';
import { signComputeJobRequest, signComputeResult } from '../../utils/wire/compute';
import { encodeVectors, unpackVectors } from '../../utils/wire/vectors';
import { installNodeWireCrypto } from '../src/crypto/node-wire-crypto';
import { minCosine } from '../src/compute/agreement';
import { loadCorpus, type CorpusShard } from '../src/compute/corpus';
import { nativeEmbedder, type Embedder } from '../src/compute/embedder';
import { acceptResult, DEFAULT_COMPUTE_RULES, issueJob, publishShards, type ComputeDeps } from '../src/compute/jobs';
import { openTestStore } from './harness';

const DEVICES = 100;
const DISHONEST = 10;
const SHARDS = 200;
/** Per-dimension noise of an honest answer: cosine to the reference ≈ 0.999, against ≈ 0.99997 measured for WASM vs native. */
const HONEST_NOISE = 2e-3;

/** A small deterministic generator, so every run simulates the same network. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function normalized(v: Float32Array): Float32Array {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

type Behaviour = 'honest' | 'random' | 'shifted' | 'one-wrong';

describe('compute verification, simulated: 100 devices, 10 % dishonest', () => {
  let handle: Awaited<ReturnType<typeof openTestStore>>;
  let reference: Map<string, Float32Array>;
  let native: Embedder;

  beforeAll(async () => {
    installNodeWireCrypto();
    handle = await openTestStore();
    native = nativeEmbedder();
    const texts = loadCorpus().flatMap((s) => s.texts);
    const vectors = await native.embed(texts);
    reference = new Map(texts.map((t, i) => [t, vectors[i]!]));
  });
  afterAll(() => handle?.close());

  it('accepts ≥ 99 % correct shards at ≤ 2.5 × one honest run per shard', async () => {
    const random = mulberry32(20);
    const texts = [...reference.keys()];
    // Shards of 24 texts drawn from the corpus, each its own selection and order.
    const shards: CorpusShard[] = Array.from({ length: SHARDS }, (_, n) => ({
      key: `simulation/${n}`,
      source: 'simulation',
      texts: Array.from({ length: 24 }, () => texts[Math.floor(random() * texts.length)]!).filter((t, i, all) => all.indexOf(t) === i),
    }));
    let clock = Date.UTC(2026, 0, 1);
    const knownAnswerEmbedder: Embedder = { ...native, embed: async (batch) => batch.map((t) => reference.get(t)!) };
    const deps: ComputeDeps = {
      store: handle.store,
      embedder: knownAnswerEmbedder,
      rules: DEFAULT_COMPUTE_RULES,
      now: () => ++clock,
      random,
      maxSkewMs: 10 * 60_000,
      limitDevice: () => undefined,
    };
    await publishShards(deps, shards);

    const behaviours: Behaviour[] = ['random', 'shifted', 'one-wrong'];
    const devices = Array.from({ length: DEVICES }, (_, i) => ({
      key: generateDeviceKeyPair(),
      behaviour: i < DISHONEST ? behaviours[i % behaviours.length]! : ('honest' as Behaviour),
      refused: false,
    }));
    const answer = (behaviour: Behaviour, batch: string[]): Float32Array[] => {
      const truth = batch.map((t) => reference.get(t)!);
      switch (behaviour) {
        case 'honest':
          return truth.map((v) => normalized(v.map((x) => x + HONEST_NOISE * gaussian(random))));
        case 'random':
          return truth.map((v) => normalized(v.map(() => gaussian(random))));
        case 'shifted':
          // A cheaper "model": each text gets its neighbour's vector; the same for every colluder.
          return truth.map((_, i) => truth[(i + 1) % truth.length]!);
        case 'one-wrong':
          return truth.map((v, i) => (i === truth.length - 1 ? truth[0]! : v));
      }
    };

    let runs = 0;
    let honestRuns = 0;
    // Each round every device still welcome asks for a job at the same time, then all answer.
    for (let round = 0; round < 40; round++) {
      const order = devices.filter((d) => !d.refused).sort(() => random() - 0.5);
      const jobs = await Promise.all(
        order.map((device) =>
          issueJob(deps, signComputeJobRequest(clock, device.key.secretKey)).catch((err: unknown) => {
            if ((err as { code?: string }).code !== 'compute_refused') throw err;
            device.refused = true;
            return null;
          }),
        ),
      );
      const work = order.flatMap((device, i) => (jobs[i] ? [{ device, job: jobs[i] }] : []));
      if (work.length === 0) break;
      await Promise.all(
        work.map(({ device, job }) => {
          const vectors = answer(device.behaviour, job.texts);
          runs++;
          if (device.behaviour === 'honest') honestRuns++;
          return acceptResult(
            deps,
            signComputeResult({ jobId: job.jobId, model: job.model, dims: job.dims, count: vectors.length, vectors: encodeVectors(vectors, job.dims), ts: clock }, device.key.secretKey),
          );
        }),
      );
    }

    const db = handle.store.db;
    const accepted = await db.selectFrom('compute_shards').select(['shard_id', 'texts_json']).where('status', '=', 'accepted').where('source', '=', 'simulation').execute();
    let correct = 0;
    for (const shard of accepted) {
      const entries = await db.selectFrom('index_entries').select(['text', 'vector_f32']).where('shard_id', '=', shard.shard_id).orderBy('position').execute();
      const got = entries.map((e) => unpackVectors(e.vector_f32, 1, native.dims)[0]!);
      if (minCosine(got, entries.map((e) => reference.get(e.text)!)) >= 0.99) correct++;
    }
    const refusedDishonest = devices.filter((d) => d.behaviour !== 'honest' && d.refused).length;
    const refusedHonest = (await db.selectFrom('compute_devices').select('device_pub').where('refused_at', 'is not', null).execute()).filter((r) =>
      devices.some((d) => d.behaviour === 'honest' && d.key.publicKey === r.device_pub),
    ).length;
    const figures = {
      shards: SHARDS,
      accepted: accepted.length,
      acceptedCorrect: correct / accepted.length,
      computePerShard: runs / SHARDS,
      honestRunsPerShard: honestRuns / SHARDS,
      dishonestRefused: `${refusedDishonest}/${DISHONEST}`,
      honestRefused: refusedHonest,
    };
    console.log(`compute simulation: ${JSON.stringify(figures)}`);
    expect(accepted.length).toBe(SHARDS);
    expect(figures.acceptedCorrect).toBeGreaterThanOrEqual(0.99);
    expect(figures.computePerShard).toBeLessThanOrEqual(2.5);
    expect(refusedHonest).toBe(0);
  }, 240_000);
});
