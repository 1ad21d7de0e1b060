// Compute contributions (devices embed public texts for the commons' index) and the public index.
import { z } from 'zod';
import { computeJobRequestSchema, computeJobSchema, computeResultSchema, computeModelSchema } from '../wire/compute';
import { devicePub, uuid } from '../wire/primitives';
import { defineRoute } from './route';

const count = z.number().int().min(0);

export const computeJobRoute = defineRoute({
  method: 'POST',
  url: '/v1/compute/jobs',
  invalidRequest: 'invalid_job_request',
  schema: {
    summary: 'A shard of public texts to embed (signed request); the device’s unfinished job again if it has one; null when none is waiting',
    body: computeJobRequestSchema,
    response: { 200: z.strictObject({ job: computeJobSchema.nullable() }) },
  },
});

export const computeVerdictSchema = z.enum(['pending', 'accepted', 'rejected']);
export type ComputeVerdict = z.infer<typeof computeVerdictSchema>;

export const computeResultRoute = defineRoute({
  method: 'POST',
  url: '/v1/compute/results',
  invalidRequest: 'invalid_result',
  schema: {
    summary: 'Return a job’s vectors (signed); accepted once they agree with another device’s or the known answer',
    body: computeResultSchema,
    response: { 200: z.strictObject({ jobId: uuid, verdict: computeVerdictSchema }) },
  },
});

export const computeDeviceRoute = defineRoute({
  method: 'GET',
  url: '/v1/compute/devices/:devicePub',
  invalidRequest: 'invalid_device',
  schema: {
    summary: 'A device’s compute jobs by verdict, the units they earned, and whether it is refused more jobs',
    params: z.strictObject({ devicePub }),
    response: {
      200: z.strictObject({ devicePub, pending: count, accepted: count, rejected: count, units: count, refused: z.boolean() }),
    },
  },
});

export const indexSearchRoute = defineRoute({
  method: 'GET',
  url: '/v1/index/search',
  invalidRequest: 'invalid_query',
  schema: {
    summary: 'The commons’ public index: texts nearest in meaning to q (the query is embedded on the collector)',
    querystring: z.strictObject({ q: z.string().trim().min(1).max(500), k: z.coerce.number().int().min(1).max(50).default(10) }),
    response: {
      200: z.strictObject({
        model: computeModelSchema,
        results: z.array(z.strictObject({ text: z.string(), source: z.string(), score: z.number() })).max(50),
      }),
    },
  },
});
