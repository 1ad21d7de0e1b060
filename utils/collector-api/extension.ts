// The routes the extension calls (the only host it talks to is its collector).
import { z } from 'zod';
import {
  bundleEnvelopeSchema,
  collectorKeysResponseSchema,
  deletionReceiptSchema,
  deletionRequestSchema,
  devicePub,
  inclusionProofSchema,
  ingestReceiptSchema,
  signedRootSchema,
  uuid,
} from '../wire/index';
import { defineRoute } from './route';
import { scoreReasonSchema } from './score-reasons';

const count = z.number().int().min(0);
/** Reward amounts in token base units (1 unit of credit = 10^18), as decimal strings. */
const baseUnits = z.string().regex(/^-?\d{1,78}$/);

export const keysRoute = defineRoute({
  method: 'GET',
  url: '/v1/keys',
  schema: { summary: 'The collector’s public encryption keys and its receipt key', response: { 200: collectorKeysResponseSchema } },
});

export const submitBundleRoute = defineRoute({
  method: 'POST',
  url: '/v1/bundles',
  invalidRequest: 'invalid_envelope',
  schema: {
    summary: 'Submit a sealed, signed bundle; idempotent by bundleId',
    body: bundleEnvelopeSchema,
    response: {
      200: z.strictObject({ accepted: z.literal(true), bundleId: uuid, duplicate: z.boolean(), receipt: ingestReceiptSchema }),
    },
  },
});

export const deletionRoute = defineRoute({
  method: 'POST',
  url: '/v1/deletions',
  schema: {
    summary: 'Delete a device’s signals (signed request); answers with a signed receipt',
    body: deletionRequestSchema,
    response: { 200: z.strictObject({ receipt: deletionReceiptSchema }) },
  },
});

const deviceParams = z.strictObject({ devicePub });

export const balanceRoute = defineRoute({
  method: 'GET',
  url: '/v1/devices/:devicePub/balance',
  invalidRequest: 'invalid_device',
  schema: {
    summary: 'A device’s credit balance and its stored bundles and signals',
    params: deviceParams,
    response: { 200: z.strictObject({ devicePub, balance: z.number().int(), bundles: count, signals: count }) },
  },
});

export const deviceRewardsRoute = defineRoute({
  method: 'GET',
  url: '/v1/devices/:devicePub/rewards',
  invalidRequest: 'invalid_device',
  schema: {
    summary: 'What a device earned, and its ledger',
    params: deviceParams,
    response: {
      200: z.strictObject({
        devicePub,
        units: z.number().int(),
        /** This device's own ledger total. */
        earned: baseUnits,
        history: z
          .array(
            z.strictObject({
              bundleId: uuid,
              kind: z.enum(['credit', 'deletion']),
              /** Signed: debits are negative. */
              units: z.number().int(),
              amount: baseUnits,
              signals: count,
              reasons: z.partialRecord(scoreReasonSchema, count),
              at: z.number().int(),
            }),
          )
          .max(100_000),
      }),
    },
  },
});

export const latestRootRoute = defineRoute({
  method: 'GET',
  url: '/v1/transparency/roots/latest',
  schema: { summary: 'The newest signed root of the transparency log (404 before the first epoch)', response: { 200: signedRootSchema } },
});

export const inclusionProofRoute = defineRoute({
  method: 'GET',
  url: '/v1/transparency/proof/:bundleId',
  invalidRequest: 'invalid_bundle_id',
  schema: {
    summary: 'Proof that a bundle is in a published epoch (404 if not yet logged, unknown or deleted)',
    params: z.strictObject({ bundleId: uuid }),
    response: { 200: inclusionProofSchema },
  },
});
