// Shared by the token tests, the linkage test and the bench: a device's token issuance against an
// in-process collector (fetch over app.inject), and a clock the tests move past an epoch's end.
import type { FastifyInstance } from 'fastify';
import type { CollectorEndpoint } from '../../utils/collector-client/request';
import { completeBatch, prepareBatch } from '../../utils/tokens/obtain';
import type { DeviceKeyPair } from '../../utils/wire/index';
import { signTokenIssueRequest, type RewardToken } from '../../utils/wire/reward-tokens';

/** A fetch that answers from the app without a socket. */
export function injectEndpoint(app: FastifyInstance): CollectorEndpoint {
  const fetchViaInject = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const res = await app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: url.pathname + url.search,
      headers: init?.headers as Record<string, string> | undefined,
      payload: typeof init?.body === 'string' ? init.body : undefined,
    });
    return new Response(res.body, { status: res.statusCode, headers: res.headers as Record<string, string> });
  };
  return { baseUrl: 'http://collector.test', fetch: fetchViaInject as typeof fetch };
}

/**
 * A clock for a collector with epochs of `epochMs` that tests move forward. It starts just after an
 * epoch begins, so the wall clock cannot close an epoch under a test that runs across its boundary.
 */
export function movableClock(epochMs: number) {
  let offset = 0;
  const clock = {
    now: () => Date.now() + offset,
    /** Moves just past the end of the epoch `now()` is in. */
    closeEpoch() {
      const now = Date.now() + offset;
      offset += epochMs - (now % epochMs) + 1;
    },
  };
  clock.closeEpoch();
  return clock;
}

export async function receiptPub(app: FastifyInstance): Promise<string> {
  return ((await app.inject({ method: 'GET', url: '/v1/keys' })).json() as { receipt: { publicKey: string } }).receipt.publicKey;
}

/** Everything the device may obtain, as tokens (one batch). */
export async function obtainTokens(app: FastifyInstance, device: DeviceKeyPair, units: number, now: number): Promise<RewardToken[]> {
  const endpoint = injectEndpoint(app);
  const batch = await prepareBatch(endpoint, await receiptPub(app), device.publicKey, units, async (fields) => signTokenIssueRequest(fields, device.secretKey), now);
  if (!batch) return [];
  return completeBatch(endpoint, batch);
}

export const redeem = (app: FastifyInstance, wallet: string, tokens: readonly RewardToken[]) =>
  app.inject({ method: 'POST', url: '/v1/tokens/redeem', payload: { wallet, tokens } });
