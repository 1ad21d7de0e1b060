// One call to one collector route from the shared contract (utils/collector-api): the request in
// its wire form, the reply parsed with the route's schema on arrival, a refusal as CollectorError
// carrying the collector's own code and message.
import { apiErrorBodySchema } from '../collector-api/error';
import { routePath, type RouteDef, type RouteInput, type RouteReply } from '../collector-api/route';

export class CollectorError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string,
    /** Seconds, from Retry-After. */
    readonly retryAfter: number | null,
  ) {
    super(message);
    this.name = 'CollectorError';
  }

  /** Network failures, overload and server errors are worth retrying; a refusal is not. */
  get retryable(): boolean {
    return this.status === null || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export interface CollectorEndpoint {
  /** The collector's URL (only its origin is used), or where to read it at each call: the community can change. */
  baseUrl: string | (() => Promise<string>);
  fetch: typeof fetch;
}

async function baseUrlOf(endpoint: CollectorEndpoint): Promise<string> {
  return typeof endpoint.baseUrl === 'string' ? endpoint.baseUrl : endpoint.baseUrl();
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

export async function callRoute<R extends RouteDef>(endpoint: CollectorEndpoint, route: R, input: RouteInput<R>): Promise<RouteReply<R>> {
  const { params, body } = input as { params?: Record<string, string>; body?: unknown };
  const baseUrl = await baseUrlOf(endpoint);
  let res: Response;
  try {
    res = await endpoint.fetch(new URL(routePath(route, params), baseUrl), {
      method: route.method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (err) {
    throw new CollectorError(`collector unreachable: ${String(err)}`, null, 'unreachable', null);
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const refusal = apiErrorBodySchema.safeParse(json);
    const { code, message } = refusal.success ? refusal.data.error : { code: 'http_error', message: `HTTP ${res.status}` };
    throw new CollectorError(message, res.status, code, parseRetryAfter(res.headers.get('retry-after')));
  }
  const reply = route.schema.response[200].safeParse(json);
  if (!reply.success) throw new CollectorError('collector sent an unexpected answer', res.status, 'bad_answer', null);
  return reply.data as RouteReply<R>;
}

/** Larger than any block a release holds (record pages, documents, the community model). */
const MAX_BLOCK_BYTES = 16 * 1024 * 1024;

/** A block's bytes from the collector's IPFS trustless gateway (`?format=raw`); immutable, so the HTTP cache may keep it. */
export async function fetchBlock(endpoint: CollectorEndpoint, cid: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await endpoint.fetch(new URL(`/ipfs/${encodeURIComponent(cid)}?format=raw`, await baseUrlOf(endpoint)), {
      headers: { accept: 'application/vnd.ipld.raw' },
      credentials: 'omit',
    });
  } catch (err) {
    throw new CollectorError(`collector unreachable: ${String(err)}`, null, 'unreachable', null);
  }
  if (!res.ok) throw new CollectorError(`the collector has no block ${cid} (HTTP ${res.status})`, res.status, 'http_error', null);
  if (Number(res.headers.get('content-length') ?? 0) > MAX_BLOCK_BYTES) throw new CollectorError('the block is too large', res.status, 'bad_answer', null);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_BLOCK_BYTES) throw new CollectorError('the block is too large', res.status, 'bad_answer', null);
  return bytes;
}
