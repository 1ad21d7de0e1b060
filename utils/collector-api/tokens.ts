// The routes of blind reward tokens: the extension fetches the epoch's issuer key with its log
// proof and has its blinded tokens signed; the claim page redeems unblinded tokens.
import { z } from 'zod';
import { signedVoucherSchema } from '../../contracts/voucher';
import { addressSchema, uintStringSchema } from '../../contracts/wire';
import { devicePub } from '../wire/primitives';
import {
  issuerKeyProofSchema,
  MAX_TOKENS_PER_REQUEST,
  rewardTokenSchema,
  tokenEpochSchema,
  tokenIssueRequestSchema,
  tokenIssueResponseSchema,
} from '../wire/reward-tokens';
import { defineRoute } from './route';

const count = z.number().int().min(0);

export const issuerKeyRoute = defineRoute({
  method: 'GET',
  url: '/v1/tokens/issuer',
  schema: {
    summary: 'The current epoch’s issuer key, its inclusion proof in the issuer-key log and the log’s signed root',
    response: { 200: issuerKeyProofSchema },
  },
});

export const epochInfoSchema = z.strictObject({
  epoch: tokenEpochSchema,
  startsAt: z.number().int(),
  endsAt: z.number().int(),
  closed: z.boolean(),
  /** Devices that obtained tokens in this epoch: whose redemptions a redemption hides among. */
  devices: count,
});

export const epochInfoRoute = defineRoute({
  method: 'GET',
  url: '/v1/tokens/epochs/:epoch',
  invalidRequest: 'invalid_epoch',
  schema: {
    summary: 'An epoch’s period, whether it has closed, and how many devices obtained tokens in it',
    params: z.strictObject({ epoch: z.coerce.number().pipe(tokenEpochSchema) }),
    response: { 200: epochInfoSchema },
  },
});

export const tokenAllowanceRoute = defineRoute({
  method: 'GET',
  url: '/v1/devices/:devicePub/tokens',
  invalidRequest: 'invalid_device',
  schema: {
    summary: 'Reward units a device was credited, turned into tokens, and may still obtain as tokens',
    params: z.strictObject({ devicePub }),
    response: { 200: z.strictObject({ devicePub, earnedUnits: z.number().int(), issuedUnits: count, issuableUnits: count }) },
  },
});

export const tokenIssueRoute = defineRoute({
  method: 'POST',
  url: '/v1/tokens/issue',
  schema: {
    summary: 'Blind signatures on a device’s blinded tokens, charged to its credit (idempotent per signed request)',
    body: tokenIssueRequestSchema,
    response: { 200: tokenIssueResponseSchema },
  },
});

export const redeemRequestSchema = z.strictObject({
  wallet: addressSchema,
  tokens: z.array(rewardTokenSchema).min(1).max(MAX_TOKENS_PER_REQUEST),
});
export type RedeemRequest = z.input<typeof redeemRequestSchema>;

export const redeemResponseSchema = z.strictObject({
  wallet: addressSchema,
  units: count,
  /** Token base units paid by this redemption. */
  amount: uintStringSchema,
  voucher: signedVoucherSchema,
  /** The collector's claimFor transaction; null if it could not be sent (then submit `voucher` with claim). */
  txHash: z.string().regex(/^0x[0-9a-f]{64}$/).nullable(),
  status: z.enum(['success', 'reverted', 'not_sent']),
});
export type RedeemResponse = z.output<typeof redeemResponseSchema>;

export const redeemRoute = defineRoute({
  method: 'POST',
  url: '/v1/tokens/redeem',
  schema: {
    summary: 'Spend tokens of closed epochs (each once) for one voucher to a wallet; the collector sends claimFor',
    body: redeemRequestSchema,
    response: { 200: redeemResponseSchema },
  },
});
