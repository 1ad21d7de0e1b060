import { z } from 'zod';
import {
  collectorKeysResponseSchema,
  deletionReceiptSchema,
  ingestReceiptSchema,
  type BundleEnvelope,
  type CollectorKeysResponse,
  type DeletionReceipt,
  type DeletionRequest,
  type IngestReceipt,
  inclusionProofSchema,
  signedRootSchema,
  type InclusionProof,
  type SignedRoot,
} from '../wire';

/**
 * The extension's only network peer. Every answer is validated: a collector (or anything
 * pretending to be one on the path) is outside the extension's trust boundary too.
 */
export class CollectorError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string,
    /** Seconds, from Retry-After. */
    readonly retryAfter: number | null,
  ) {
    super(message);
  }

  /** Network failures, overload and server errors are worth retrying; a refusal is not. */
  get retryable(): boolean {
    return this.status === null || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const acceptedSchema = z.object({ accepted: z.literal(true), bundleId: z.string(), receipt: ingestReceiptSchema, duplicate: z.boolean().optional() });
const balanceSchema = z.object({ devicePub: z.string(), balance: z.number(), bundles: z.number(), signals: z.number() });
const deletionAnswerSchema = z.object({ receipt: deletionReceiptSchema });

const decimal = z.string().regex(/^\d{1,78}$/);
/** Reward amounts are decimal strings in token base units (1 unit of credit = 10^18). */
export const deviceRewardsSchema = z.object({
  wallet: z.string().nullable(),
  units: z.number(),
  earned: decimal,
  pending: decimal,
  claimable: decimal,
  claimed: decimal,
  history: z
    .array(z.object({ bundleId: z.string(), kind: z.string(), units: z.number(), amount: z.string(), at: z.number() }))
    .max(100_000),
});

export type Balance = z.infer<typeof balanceSchema>;
export type DeviceRewards = z.infer<typeof deviceRewardsSchema>;

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

export function collectorClient(baseUrl: string, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  async function call<T>(path: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await fetchImpl(new URL(path, baseUrl), {
        ...init,
        headers: init?.body ? { 'content-type': 'application/json' } : undefined,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (err) {
      throw new CollectorError(`collector unreachable: ${String(err)}`, null, 'unreachable', null);
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const parsed = errorBodySchema.safeParse(body);
      const { code, message } = parsed.success ? parsed.data.error : { code: 'http_error', message: `HTTP ${res.status}` };
      throw new CollectorError(message, res.status, code, parseRetryAfter(res.headers.get('retry-after')));
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new CollectorError('collector sent an unexpected answer', res.status, 'bad_answer', null);
    return parsed.data;
  }

  return {
    keys: (): Promise<CollectorKeysResponse> => call('/v1/keys', collectorKeysResponseSchema),
    submitBundle: (envelope: BundleEnvelope): Promise<{ receipt: IngestReceipt; duplicate: boolean }> =>
      call('/v1/bundles', acceptedSchema, { method: 'POST', body: JSON.stringify(envelope) }).then((a) => ({
        receipt: a.receipt,
        duplicate: a.duplicate ?? false,
      })),
    balance: (devicePub: string): Promise<Balance> => call(`/v1/devices/${encodeURIComponent(devicePub)}/balance`, balanceSchema),
    /** null when the collector runs without a reward chain. */
    rewards: (devicePub: string): Promise<DeviceRewards | null> =>
      call(`/v1/devices/${encodeURIComponent(devicePub)}/rewards`, deviceRewardsSchema).catch((err: unknown) => {
        if (err instanceof CollectorError && err.code === 'rewards_disabled') return null;
        throw err;
      }),
    /** The newest signed root of the transparency log; null before the first epoch. */
    transparencyRoot: (): Promise<SignedRoot | null> =>
      call('/v1/transparency/roots/latest', signedRootSchema).catch((err: unknown) => {
        if (err instanceof CollectorError && err.status === 404) return null;
        throw err;
      }),
    /** null when no epoch holds the bundle: not yet logged, or deleted. */
    inclusionProof: (bundleId: string): Promise<InclusionProof | null> =>
      call(`/v1/transparency/proof/${encodeURIComponent(bundleId)}`, inclusionProofSchema).catch((err: unknown) => {
        if (err instanceof CollectorError && err.status === 404) return null;
        throw err;
      }),
    requestDeletion: (request: DeletionRequest): Promise<DeletionReceipt> =>
      call('/v1/deletions', deletionAnswerSchema, { method: 'POST', body: JSON.stringify(request) }).then((a) => a.receipt),
  };
}

export type CollectorClient = ReturnType<typeof collectorClient>;
