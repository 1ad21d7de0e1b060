// Compute contributions: issue one shard at a time to a device, take its vectors back, decide a
// shard by quorum (or a known answer), credit the devices that did the accepted work, and refuse
// devices that answer wrongly.
import { randomUUID } from 'node:crypto';
import type { ComputeJob, ComputeJobRequest, ComputeResult } from '../../../utils/wire/compute';
import { verifyComputeJobRequest, verifyComputeResult } from '../../../utils/wire/compute';
import { decodeVectors, packVectors, unpackVectors } from '../../../utils/wire/vectors';
import type { ComputeVerdict } from '../../../utils/collector-api/compute';
import type { Queries, Store } from '../db/store';
import { appendLedger } from '../rewards/ledger';
import { ApiError } from '../services/errors';
import { checkSkew } from '../services/verify';
import { agree, AGREEMENT_COSINE, findQuorum } from './agreement';
import type { CorpusShard } from './corpus';
import type { Embedder } from './embedder';
import * as q from './queries';

export interface ComputeRules {
  /** Devices every shard goes to before it can be decided. */
  replicas: number;
  /** Share of jobs whose answer the collector already holds (its own native run). */
  knownAnswerRate: number;
  tolerance: number;
  /** A job not returned by then is given to another device. */
  jobTtlMs: number;
  unitsPerShard: number;
  /** Answers outvoted by an accepted quorum before a device is refused more jobs. */
  outvotedLimit: number;
}

export const DEFAULT_COMPUTE_RULES: ComputeRules = {
  replicas: 2,
  knownAnswerRate: 0.05,
  tolerance: AGREEMENT_COSINE,
  jobTtlMs: 15 * 60_000,
  unitsPerShard: 1,
  outvotedLimit: 2,
};

export interface ComputeDeps {
  store: Store;
  embedder: Embedder;
  rules: ComputeRules;
  now: () => number;
  random: () => number;
  maxSkewMs: number;
  limitDevice: (devicePub: string) => void;
}

/** Puts the corpus up as shards for the embedder's model; shards already there keep their state. */
export async function publishShards(deps: Pick<ComputeDeps, 'store' | 'embedder' | 'rules' | 'now'>, corpus: readonly CorpusShard[]): Promise<void> {
  await q.insertShards(deps.store.db, corpus, deps.embedder.model, deps.embedder.dims, deps.rules.replicas, deps.now());
}

const pick = <T>(items: readonly T[], random: () => number): T | undefined => items[Math.floor(random() * items.length)];

function jobOf(job: q.JobRow, shard: q.ShardRow): ComputeJob {
  return { jobId: job.job_id, model: { id: shard.model_id, version: shard.model_version }, dims: Number(shard.dims), texts: JSON.parse(shard.texts_json) as string[] };
}

export async function issueJob(deps: ComputeDeps, req: ComputeJobRequest): Promise<ComputeJob | null> {
  if (!verifyComputeJobRequest(req)) throw new ApiError(401, 'bad_signature', 'the request is not signed by its device key');
  deps.limitDevice(req.devicePub);
  const now = deps.now();
  checkSkew(req.ts, now, deps.maxSkewMs, 'ts');
  return deps.store.unit(
    async (tx) => {
      if (await q.isRefused(tx, req.devicePub)) throw new ApiError(403, 'compute_refused', 'this device answered wrongly and gets no more compute jobs');
      const open = await q.openJobOf(tx, req.devicePub, now);
      if (open) return jobOf(open, (await q.findShard(tx, open.shard_id))!);
      const done = await q.shardsDoneBy(tx, req.devicePub);
      const shards = (await q.shardsWithWork(tx, deps.embedder.model, now)).filter((s) => !done.has(s.shard_id));
      const waiting = shards.filter((s) => s.status === 'open' && Number(s.answers) < Number(s.required));
      if (waiting.length === 0) return null;
      // A check hides among real work: it is drawn only when there is work, from any shard.
      const knownAnswer = deps.random() < deps.rules.knownAnswerRate;
      const chosen = pick(knownAnswer ? shards : waiting, deps.random)!;
      const job = { job_id: randomUUID(), shard_id: chosen.shard_id, device_pub: req.devicePub, known_answer: knownAnswer ? 1 : 0, issued_at: now, expires_at: now + deps.rules.jobTtlMs };
      await q.insertJob(tx, job);
      return jobOf({ ...job, returned_at: null, vectors_f32: null, verdict: null }, (await q.findShard(tx, chosen.shard_id))!);
    },
    { serializeOn: `compute-device:${req.devicePub}` },
  );
}

/** Appends one credit per job; a job already credited (a shard decided again) is not paid twice. */
async function credit(tx: Queries, jobs: readonly q.JobRow[], rules: ComputeRules, textCount: number, now: number): Promise<void> {
  if (jobs.length === 0) return;
  const paid = new Set(
    (await tx.selectFrom('ledger').select('bundle_id').where('kind', '=', 'credit').where('bundle_id', 'in', jobs.map((j) => j.job_id)).execute()).map((r) => r.bundle_id),
  );
  await appendLedger(
    tx,
    jobs
      .filter((j) => !paid.has(j.job_id))
      .map((j) => ({ devicePub: j.device_pub, bundleId: j.job_id, kind: 'credit' as const, amount: rules.unitsPerShard, signalCount: textCount, requestHash: null, createdAt: now })),
  );
}

/**
 * A refused device's answers no longer count: its undecided ones are rejected, and every shard
 * it helped accept is decided again from the other answers (their credit stands).
 */
async function refuse(tx: Queries, devicePub: string, rules: ComputeRules, now: number): Promise<void> {
  await q.markRefused(tx, devicePub, now);
  const answers = await tx.selectFrom('compute_jobs').selectAll().where('device_pub', '=', devicePub).where('known_answer', '=', 0).where('verdict', 'in', ['pending', 'accepted']).execute();
  await q.setVerdict(tx, answers.map((a) => a.job_id), 'rejected');
  for (const shardId of new Set(answers.filter((a) => a.verdict === 'accepted').map((a) => a.shard_id))) {
    const live = await q.liveAnswers(tx, shardId);
    await tx.updateTable('compute_shards').set({ status: 'open', accepted_at: null, required: Math.max(rules.replicas, live.length + 1) }).where('shard_id', '=', shardId).execute();
    await tx.deleteFrom('index_entries').where('shard_id', '=', shardId).execute();
    await decide(tx, (await q.findShard(tx, shardId))!, rules, now);
  }
}

async function outvote(tx: Queries, jobs: readonly q.JobRow[], rules: ComputeRules, now: number): Promise<void> {
  await q.setVerdict(tx, jobs.map((j) => j.job_id), 'rejected');
  for (const job of jobs) {
    if ((await q.countOutvoted(tx, job.device_pub)) >= rules.outvotedLimit && !(await q.isRefused(tx, job.device_pub))) await refuse(tx, job.device_pub, rules, now);
  }
}

/** Takes the quorum over a shard's live answers: accepted when two agree, else one more device is asked. */
async function decide(tx: Queries, shard: q.ShardRow, rules: ComputeRules, now: number): Promise<void> {
  const texts = JSON.parse(shard.texts_json) as string[];
  const dims = Number(shard.dims);
  const answers = await q.liveAnswers(tx, shard.shard_id);
  const vectors = new Map(answers.map((a) => [a.job_id, unpackVectors(a.vectors_f32!, texts.length, dims)]));
  const quorum = findQuorum(answers.map((a) => ({ id: a.job_id, vectors: vectors.get(a.job_id)! })), rules.tolerance);
  if (!quorum.agreed) {
    if (answers.length >= Number(shard.required)) {
      await tx.updateTable('compute_shards').set({ required: answers.length + 1 }).where('shard_id', '=', shard.shard_id).execute();
    }
    return;
  }
  const agreeing = answers.filter((a) => quorum.agreeing.includes(a.job_id));
  await tx.updateTable('compute_shards').set({ status: 'accepted', accepted_at: now }).where('shard_id', '=', shard.shard_id).execute();
  await q.replaceIndexEntries(tx, shard, texts, vectors.get(quorum.pivot)!.map((v) => packVectors([v], dims)));
  await q.setVerdict(tx, quorum.agreeing, 'accepted');
  await credit(tx, agreeing, rules, texts.length, now);
  await outvote(tx, answers.filter((a) => quorum.outvoted.includes(a.job_id)), rules, now);
}

export async function acceptResult(deps: ComputeDeps, res: ComputeResult): Promise<{ jobId: string; verdict: ComputeVerdict }> {
  if (!verifyComputeResult(res)) throw new ApiError(401, 'bad_signature', 'the result is not signed by its device key');
  deps.limitDevice(res.devicePub);
  const now = deps.now();
  checkSkew(res.ts, now, deps.maxSkewMs, 'ts');
  const job = await q.findJob(deps.store.db, res.jobId);
  if (!job || job.device_pub !== res.devicePub) throw new ApiError(404, 'unknown_job', 'no such job for this device');
  const shard = (await q.findShard(deps.store.db, job.shard_id))!;
  const texts = JSON.parse(shard.texts_json) as string[];
  if (res.model.id !== shard.model_id || res.model.version !== shard.model_version) {
    throw new ApiError(409, 'wrong_model', `this shard is embedded with ${shard.model_id}@${shard.model_version}`);
  }
  if (res.count !== texts.length || res.dims !== Number(shard.dims)) throw new ApiError(400, 'wrong_shape', `expected ${texts.length} vectors of ${shard.dims} dimensions`);
  let vectors: Float32Array[];
  try {
    vectors = decodeVectors(res.vectors, res.count, res.dims);
  } catch (err) {
    throw new ApiError(400, 'bad_vectors', String((err as Error).message).slice(0, 200));
  }
  // The native answer is computed outside the unit of work: no transaction waits on the model.
  const reference =
    job.known_answer === 1 ? (shard.reference_f32 ? unpackVectors(shard.reference_f32, texts.length, Number(shard.dims)) : await deps.embedder.embed(texts)) : null;

  const verdict = await deps.store.unit(
    async (tx) => {
      const current = (await q.findJob(tx, job.job_id))!;
      if (current.returned_at !== null) return current.verdict!;
      const bytes = packVectors(vectors, res.dims);
      await tx.updateTable('compute_jobs').set({ returned_at: now, vectors_f32: bytes, verdict: 'pending' }).where('job_id', '=', job.job_id).execute();
      if (await q.isRefused(tx, job.device_pub)) {
        await q.setVerdict(tx, [job.job_id], 'rejected');
        return 'rejected';
      }
      if (reference) {
        await tx.updateTable('compute_shards').set({ reference_f32: packVectors(reference, res.dims) }).where('shard_id', '=', shard.shard_id).where('reference_f32', 'is', null).execute();
        if (agree(vectors, reference, deps.rules.tolerance)) {
          await q.setVerdict(tx, [job.job_id], 'accepted');
          await credit(tx, [current], deps.rules, texts.length, now);
          return 'accepted';
        }
        await q.setVerdict(tx, [job.job_id], 'rejected');
        await refuse(tx, job.device_pub, deps.rules, now);
        return 'rejected';
      }
      await decide(tx, (await q.findShard(tx, shard.shard_id))!, deps.rules, now);
      return (await q.findJob(tx, job.job_id))!.verdict!;
    },
    { serializeOn: `compute-shard:${shard.shard_id}` },
  );
  return { jobId: job.job_id, verdict };
}

export async function deviceCompute(deps: Pick<ComputeDeps, 'store'>, devicePub: string) {
  const [counts, refused] = await Promise.all([q.deviceJobCounts(deps.store.db, devicePub), q.isRefused(deps.store.db, devicePub)]);
  return { devicePub, ...counts, refused };
}
