// The compute tables: shards, the jobs devices run, devices' standing, and the public index.
import type { Queries } from '../db/store';
import type { ComputeJobsTable, ComputeShardsTable } from '../db/tables';
import type { CorpusShard } from './corpus';
import type { ComputeModel } from '../../../utils/wire/compute';

export type ShardRow = ComputeShardsTable;
export type JobRow = ComputeJobsTable;

export function shardId(key: string, model: ComputeModel): string {
  return `${key}@${model.version}`;
}

/** Idempotent: shards already there (any state) are left alone. */
export async function insertShards(db: Queries, shards: readonly CorpusShard[], model: ComputeModel, dims: number, replicas: number, now: number): Promise<void> {
  if (shards.length === 0) return;
  await db
    .insertInto('compute_shards')
    .values(
      shards.map((s) => ({
        shard_id: shardId(s.key, model),
        source: s.source,
        texts_json: JSON.stringify(s.texts),
        model_id: model.id,
        model_version: model.version,
        dims,
        status: 'open' as const,
        required: replicas,
        reference_f32: null,
        accepted_at: null,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.column('shard_id').doNothing())
    .execute();
}

export async function findShard(db: Queries, id: string): Promise<ShardRow | undefined> {
  return db.selectFrom('compute_shards').selectAll().where('shard_id', '=', id).executeTakeFirst();
}

export async function findJob(db: Queries, jobId: string): Promise<JobRow | undefined> {
  return db.selectFrom('compute_jobs').selectAll().where('job_id', '=', jobId).executeTakeFirst();
}

export async function openJobOf(db: Queries, devicePub: string, now: number): Promise<JobRow | undefined> {
  return db
    .selectFrom('compute_jobs')
    .selectAll()
    .where('device_pub', '=', devicePub)
    .where('returned_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function shardsDoneBy(db: Queries, devicePub: string): Promise<Set<string>> {
  const rows = await db.selectFrom('compute_jobs').select('shard_id').where('device_pub', '=', devicePub).execute();
  return new Set(rows.map((r) => r.shard_id));
}

/** Every shard of the model, with the replicated answers it has or is waiting for. */
export async function shardsWithWork(db: Queries, model: ComputeModel, now: number) {
  return db
    .selectFrom('compute_shards as s')
    .leftJoin('compute_jobs as j', (join) =>
      join
        .onRef('j.shard_id', '=', 's.shard_id')
        .on('j.known_answer', '=', 0)
        .on((eb) => eb.or([eb('j.verdict', 'in', ['pending', 'accepted']), eb.and([eb('j.returned_at', 'is', null), eb('j.expires_at', '>', now)])])),
    )
    .select((eb) => ['s.shard_id', 's.status', 's.required', eb.fn.count<number>('j.job_id').as('answers')])
    .where('s.model_version', '=', model.version)
    .where('s.model_id', '=', model.id)
    .groupBy(['s.shard_id', 's.status', 's.required'])
    .orderBy('s.shard_id')
    .execute();
}

export async function insertJob(db: Queries, job: Omit<JobRow, 'returned_at' | 'vectors_f32' | 'verdict'>): Promise<void> {
  await db.insertInto('compute_jobs').values({ ...job, returned_at: null, vectors_f32: null, verdict: null }).execute();
}

export async function setVerdict(db: Queries, jobIds: readonly string[], verdict: 'pending' | 'accepted' | 'rejected'): Promise<void> {
  if (jobIds.length === 0) return;
  await db.updateTable('compute_jobs').set({ verdict }).where('job_id', 'in', jobIds).execute();
}

/** The replicated answers a shard's quorum is taken over: returned, not rejected. */
export async function liveAnswers(db: Queries, id: string): Promise<JobRow[]> {
  return db
    .selectFrom('compute_jobs')
    .selectAll()
    .where('shard_id', '=', id)
    .where('known_answer', '=', 0)
    .where('verdict', 'in', ['pending', 'accepted'])
    .orderBy('returned_at')
    .orderBy('job_id')
    .execute();
}

export async function isRefused(db: Queries, devicePub: string): Promise<boolean> {
  const row = await db.selectFrom('compute_devices').select('refused_at').where('device_pub', '=', devicePub).executeTakeFirst();
  return row?.refused_at != null;
}

/** Counts one outvoted answer; returns the device's count so far. */
export async function countOutvoted(db: Queries, devicePub: string): Promise<number> {
  await db
    .insertInto('compute_devices')
    .values({ device_pub: devicePub, outvoted: 1, refused_at: null })
    .onConflict((oc) => oc.column('device_pub').doUpdateSet((eb) => ({ outvoted: eb('compute_devices.outvoted', '+', 1) })))
    .execute();
  const row = await db.selectFrom('compute_devices').select('outvoted').where('device_pub', '=', devicePub).executeTakeFirstOrThrow();
  return Number(row.outvoted);
}

export async function markRefused(db: Queries, devicePub: string, now: number): Promise<void> {
  await db
    .insertInto('compute_devices')
    .values({ device_pub: devicePub, outvoted: 0, refused_at: now })
    .onConflict((oc) => oc.column('device_pub').doUpdateSet({ refused_at: now }))
    .execute();
}

export async function replaceIndexEntries(db: Queries, shard: ShardRow, texts: readonly string[], vectors: readonly Uint8Array[]): Promise<void> {
  await db.deleteFrom('index_entries').where('shard_id', '=', shard.shard_id).execute();
  if (texts.length === 0) return;
  await db
    .insertInto('index_entries')
    .values(
      texts.map((text, position) => ({
        shard_id: shard.shard_id,
        position,
        source: shard.source,
        text,
        model_id: shard.model_id,
        model_version: shard.model_version,
        vector_f32: vectors[position]!,
      })),
    )
    .execute();
}

export async function indexEntries(db: Queries, model: ComputeModel) {
  return db
    .selectFrom('index_entries')
    .select(['text', 'source', 'vector_f32'])
    .where('model_id', '=', model.id)
    .where('model_version', '=', model.version)
    .execute();
}

export async function deviceJobCounts(db: Queries, devicePub: string) {
  const rows = await db
    .selectFrom('compute_jobs')
    .select((eb) => ['verdict', eb.fn.countAll<number>().as('n')])
    .where('device_pub', '=', devicePub)
    .where('verdict', 'is not', null)
    .groupBy('verdict')
    .execute();
  const units = await db
    .selectFrom('ledger')
    .innerJoin('compute_jobs', 'compute_jobs.job_id', 'ledger.bundle_id')
    .select((eb) => eb.fn.sum<number | null>('ledger.amount').as('units'))
    .where('ledger.device_pub', '=', devicePub)
    .where('ledger.kind', '=', 'credit')
    .executeTakeFirst();
  const n = (v: string) => Number(rows.find((r) => r.verdict === v)?.n ?? 0);
  return { pending: n('pending'), accepted: n('accepted'), rejected: n('rejected'), units: Number(units?.units ?? 0) };
}
