import type { CollectorClient } from '../collector-client/client';
import type { DeviceKey } from '../identity/device-key';
import type { Embedded } from '../protocol/model-host';
import { signComputeJobRequest, signComputeResult } from '../wire/compute';
import { encodeVectors } from '../wire/vectors';

/**
 * Texts per model call. The work stops between two calls, so this bounds how long it goes on
 * after the user comes back: two texts take well under a second in the browser (`npm run bench`).
 */
export const TEXTS_PER_CALL = 2;

export interface JobRunnerDeps {
  client: Pick<CollectorClient, 'computeJob' | 'computeResult'>;
  embed(texts: string[]): Promise<Embedded>;
  deviceKey: DeviceKey;
  /** Asked before every job and every model call (utils/compute/gate.ts). */
  mayRun(): Promise<boolean>;
  /** Model time spent and shards returned, as they happen (today's use in the popup). */
  spent(used: { modelMs?: number; shards?: number }): Promise<void>;
  now(): number;
}

export type RunEnd = 'no-work' | 'not-allowed' | 'stopped' | 'other-model';

/**
 * Runs compute jobs one shard at a time, while allowed: fetch a shard, embed its texts a few at a
 * time, return the vectors signed by the device key. A job left unfinished is asked for again next
 * time (the collector hands an unreturned job back to its device).
 */
export async function runComputeJobs(deps: JobRunnerDeps, signal: AbortSignal): Promise<{ shards: number; end: RunEnd }> {
  let shards = 0;
  const allowed = async () => !signal.aborted && (await deps.mayRun()) && !signal.aborted;
  for (;;) {
    if (!(await allowed())) return { shards, end: signal.aborted ? 'stopped' : 'not-allowed' };
    const request = await deps.deviceKey.withSecret((secret) => signComputeJobRequest(deps.now(), secret));
    const job = await deps.client.computeJob(request);
    if (!job) return { shards, end: 'no-work' };
    const vectors: number[][] = [];
    for (let i = 0; i < job.texts.length; i += TEXTS_PER_CALL) {
      if (!(await allowed())) return { shards, end: signal.aborted ? 'stopped' : 'not-allowed' };
      const started = deps.now();
      const out = await deps.embed(job.texts.slice(i, i + TEXTS_PER_CALL));
      await deps.spent({ modelMs: deps.now() - started });
      // The collector pins the model; vectors of another are worth nothing to it.
      if (out.model.id !== job.model.id || out.model.version !== job.model.version) return { shards, end: 'other-model' };
      vectors.push(...out.vectors);
    }
    const result = await deps.deviceKey.withSecret((secret) =>
      signComputeResult(
        { jobId: job.jobId, model: job.model, dims: job.dims, count: vectors.length, vectors: encodeVectors(vectors, job.dims), ts: deps.now() },
        secret,
      ),
    );
    await deps.client.computeResult(result);
    shards++;
    await deps.spent({ shards: 1 });
  }
}
