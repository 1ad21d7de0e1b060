import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { devicePub } from '../../../utils/wire/primitives';
import { ApiError } from '../services/errors';
import { balanceOf } from '../services/ledger';
import type { Store } from '../store/types';

const paramsSchema = z.strictObject({ devicePub });

export function deviceRoutes(store: Store) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/v1/devices/:devicePub/balance', async (req) => {
      const params = paramsSchema.safeParse(req.params);
      if (!params.success) throw new ApiError(400, 'invalid_device', 'devicePub must be 64 lowercase hex chars');
      return balanceOf(store, params.data.devicePub);
    });
  };
}
