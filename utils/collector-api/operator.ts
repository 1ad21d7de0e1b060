// Routes for operators and tooling.
import { z } from 'zod';
import { defineRoute } from './route';

export const healthRoute = defineRoute({
  method: 'GET',
  url: '/health',
  schema: { summary: 'Whether the collector and its store answer (503 if not)', response: { 200: z.strictObject({ ok: z.literal(true) }) } },
});

export const openApiRoute = defineRoute({
  method: 'GET',
  url: '/v1/openapi.json',
  schema: { summary: 'This API as an OpenAPI 3.1 document', response: { 200: z.looseObject({ openapi: z.string() }) } },
});
