import { describe, expect, it, vi } from 'vitest';
import { runComputeJobs, TEXTS_PER_CALL, type JobRunnerDeps } from '@/utils/compute/run-jobs';
import { generateDeviceKeyPair } from '@/utils/wire/key-pairs';
import { verifyComputeResult, type ComputeJob, type ComputeResult } from '@/utils/wire/compute';
import { decodeVectors } from '@/utils/wire/vectors';

const MODEL = { id: 'embed', version: '0123456789abcdef' };
const JOB: ComputeJob = { jobId: '5b0f3c62-3a43-4b8e-9d0c-0d5f8c6f2a11', model: MODEL, dims: 3, texts: ['a', 'b', 'c', 'd', 'e', 'f'] };

function deps(overrides: Partial<JobRunnerDeps> = {}) {
  const key = generateDeviceKeyPair();
  const results: ComputeResult[] = [];
  let served = 0;
  const base: JobRunnerDeps = {
    client: {
      computeJob: vi.fn(async () => (served++ === 0 ? JOB : null)),
      computeResult: vi.fn(async (r: ComputeResult) => (results.push(r), 'pending' as const)),
    },
    embed: vi.fn(async (texts: string[]) => ({ vectors: texts.map((_, i) => [1, i, 0]), model: MODEL })),
    deviceKey: { publicKey: key.publicKey, withSecret: async (use) => use(key.secretKey) },
    mayRun: async () => true,
    spent: async () => undefined,
    now: () => Date.UTC(2026, 0, 1),
  };
  return { deps: { ...base, ...overrides }, results, key };
}

describe('runComputeJobs', () => {
  it('embeds a shard a few texts at a time and returns every vector signed by the device key', async () => {
    const { deps: d, results, key } = deps();
    expect(await runComputeJobs(d, new AbortController().signal)).toEqual({ shards: 1, end: 'no-work' });
    expect(d.embed).toHaveBeenCalledTimes(JOB.texts.length / TEXTS_PER_CALL);
    expect(results).toHaveLength(1);
    expect(results[0]!.devicePub).toBe(key.publicKey);
    expect(verifyComputeResult(results[0]!)).toBe(true);
    expect(decodeVectors(results[0]!.vectors, 6, 3)).toHaveLength(6);
  });

  it('stops between two model calls when the user comes back, and returns nothing half done', async () => {
    const controller = new AbortController();
    const { deps: d, results } = deps({
      embed: vi.fn(async (texts: string[]) => {
        controller.abort();
        return { vectors: texts.map(() => [1, 0, 0]), model: MODEL };
      }),
    });
    expect(await runComputeJobs(d, controller.signal)).toEqual({ shards: 0, end: 'stopped' });
    expect(d.embed).toHaveBeenCalledTimes(1);
    expect(results).toHaveLength(0);
  });

  it('stops when the gate closes (limit reached, battery, pause) and when its model is not the pinned one', async () => {
    let calls = 0;
    const gated = deps({ mayRun: async () => calls++ < 2 });
    expect(await runComputeJobs(gated.deps, new AbortController().signal)).toEqual({ shards: 0, end: 'not-allowed' });
    expect(gated.results).toHaveLength(0);
    const other = deps({ embed: async (texts) => ({ vectors: texts.map(() => [1, 0, 0]), model: { ...MODEL, version: 'ffffffffffffffff' } }) });
    expect(await runComputeJobs(other.deps, new AbortController().signal)).toEqual({ shards: 0, end: 'other-model' });
    expect(other.results).toHaveLength(0);
  });
});
