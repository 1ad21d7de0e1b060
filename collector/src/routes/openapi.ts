// The collector's OpenAPI document, generated from the same zod schemas the routes run on.
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openApiRoute } from '../../../utils/collector-api/operator';
import { fromContract, typed } from './contract';

/**
 * A codec (e.g. a uint256 that is a bigint in code and a decimal string in JSON) is described by
 * its wire side in requests and replies alike; zod would describe a reply by its code side.
 */
const describeCodecsByWireForm = createJsonSchemaTransform({
  zodToJsonConfig: {
    override: ({ zodSchema, jsonSchema }) => {
      if (!(zodSchema instanceof z.ZodCodec)) return;
      const { $schema: _drop, ...wire } = z.toJSONSchema(zodSchema.in, { io: 'input' });
      const target = jsonSchema as Record<string, unknown>;
      for (const key of Object.keys(target)) delete target[key];
      Object.assign(target, wire);
    },
  },
});

/** Registered before every route plugin, so that it sees them all. */
export function registerOpenApi(app: FastifyInstance): void {
  app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      // The API's version is the one in its paths (/v1/…).
      info: { title: 'Tributary collector', version: '1' },
    },
    transform: describeCodecsByWireForm,
  });
}

export function openApiRoutes() {
  return async (app: FastifyInstance): Promise<void> => {
    typed(app).route({ ...fromContract(openApiRoute), handler: async () => app.swagger() as { openapi: string } });
  };
}
