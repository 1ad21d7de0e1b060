import { afterEach, describe, expect, it, vi } from 'vitest';
import { CollectorError, collectorClient } from '../../../utils/collector-client/client';
import { generateDeviceKeyPair, signIngestReceipt, type BundleEnvelope } from '../../../utils/wire';
import { collectorParties } from '../support/collector';

const BASE = 'https://collector.example';

type Answer = { status?: number; body?: unknown; raw?: string; headers?: Record<string, string> };
function fakeFetch(answer: Answer | Error) {
  return vi.fn<typeof fetch>(async () => {
    if (answer instanceof Error) throw answer;
    const text = answer.raw ?? JSON.stringify(answer.body ?? null);
    return new Response(text, { status: answer.status ?? 200, headers: answer.headers });
  });
}

async function failure(promise: Promise<unknown>): Promise<CollectorError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(CollectorError);
    return err as CollectorError;
  }
  throw new Error('expected a CollectorError');
}

const parties = collectorParties();
const device = generateDeviceKeyPair();
const receipt = signIngestReceipt(
  {
    bundleId: crypto.randomUUID(),
    devicePub: device.publicKey,
    signalIds: [crypto.randomUUID()],
    storedAt: Date.UTC(2026, 0, 1),
    credited: 1,
    collectorKeyId: parties.receipt.keyId,
  },
  parties.receipt.secretKey,
);
const envelope = { bundleId: receipt.bundleId } as BundleEnvelope;

afterEach(() => {
  vi.useRealTimers();
});

describe('collectorClient answers', () => {
  it('returns validated keys', async () => {
    const fetchImpl = fakeFetch({ body: parties.keys });
    expect(await collectorClient(BASE, fetchImpl).keys()).toEqual(parties.keys);
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(String(url)).toBe(`${BASE}/v1/keys`);
    expect(init).toMatchObject({ credentials: 'omit', cache: 'no-store' });
  });

  it('posts a bundle as JSON and returns its receipt', async () => {
    const fetchImpl = fakeFetch({ body: { accepted: true, bundleId: receipt.bundleId, duplicate: false, receipt } });
    expect(await collectorClient(BASE, fetchImpl).submitBundle(envelope)).toEqual({ receipt, duplicate: false });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(String(url)).toBe(`${BASE}/v1/bundles`);
    expect(init).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'omit' });
    expect(JSON.parse(String(init!.body))).toEqual(envelope);
  });

  it('encodes the device key into the balance path', async () => {
    const fetchImpl = fakeFetch({ body: { devicePub: device.publicKey, balance: 3, bundles: 1, signals: 3 } });
    await collectorClient(BASE, fetchImpl).balance('a/b');
    expect(String(fetchImpl.mock.calls[0]![0])).toBe(`${BASE}/v1/devices/a%2Fb/balance`);
  });

  it.each([
    ['keys without a current key', () => fakeFetch({ body: { ...parties.keys, encryption: [{ ...parties.keys.encryption[0], current: false }] } }), 'keys'],
    ['an empty object for keys', () => fakeFetch({ body: {} }), 'keys'],
    ['a non-JSON body', () => fakeFetch({ raw: '<html>ok</html>' }), 'keys'],
    ['accepted: false', () => fakeFetch({ body: { accepted: false, bundleId: receipt.bundleId, duplicate: false, receipt } }), 'submit'],
    ['a receipt with an extra field', () => fakeFetch({ body: { accepted: true, bundleId: receipt.bundleId, duplicate: false, receipt: { ...receipt, extra: 1 } } }), 'submit'],
    ['a receipt missing its signature', () => fakeFetch({ body: { accepted: true, bundleId: receipt.bundleId, duplicate: false, receipt: { ...receipt, sig: undefined } } }), 'submit'],
    ['no word on whether it was a duplicate', () => fakeFetch({ body: { accepted: true, bundleId: receipt.bundleId, receipt } }), 'submit'],
  ] as const)('rejects a malformed success body: %s', async (_label, make, call) => {
    const client = collectorClient(BASE, make());
    const err = await failure(call === 'keys' ? client.keys() : client.submitBundle(envelope));
    expect(err).toMatchObject({ status: 200, code: 'bad_answer' });
  });
});

describe('collectorClient errors', () => {
  it('maps an error body to status, code and message; a refusal is not retryable', async () => {
    const fetchImpl = fakeFetch({ status: 400, body: { error: { code: 'bad_signature', message: 'envelope signature does not verify' } } });
    const err = await failure(collectorClient(BASE, fetchImpl).submitBundle(envelope));
    expect(err).toMatchObject({ status: 400, code: 'bad_signature', message: 'envelope signature does not verify', retryAfter: null });
    expect(err.retryable).toBe(false);
  });

  it('an error without a readable body still carries its status', async () => {
    const err = await failure(collectorClient(BASE, fakeFetch({ status: 502, raw: 'Bad Gateway' })).keys());
    expect(err).toMatchObject({ status: 502, code: 'http_error', message: 'HTTP 502' });
    expect(err.retryable).toBe(true);
  });

  it.each([
    [null, true],
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [404, false],
    [409, false],
    [413, false],
  ])('status %s is retryable: %s', (status, retryable) => {
    expect(new CollectorError('x', status, 'x', null).retryable).toBe(retryable);
  });

  it('an unreachable collector gives status null', async () => {
    const err = await failure(collectorClient(BASE, fakeFetch(new TypeError('fetch failed'))).keys());
    expect(err).toMatchObject({ status: null, code: 'unreachable' });
    expect(err.message).toMatch(/fetch failed/);
    expect(err.retryable).toBe(true);
  });

  it.each([
    ['120', 120],
    ['0', 0],
    ['-5', 0],
    ['soon', null],
  ])('reads Retry-After seconds: %s', async (value, expected) => {
    const fetchImpl = fakeFetch({ status: 429, body: { error: { code: 'rate_limited', message: 'slow down' } }, headers: { 'retry-after': value } });
    expect((await failure(collectorClient(BASE, fetchImpl).keys())).retryAfter).toBe(expected);
  });

  it('reads Retry-After as an HTTP date, relative to now; a past date means now', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 10, 25, 12, 0, 0));
    const future = new Date(Date.UTC(2026, 10, 25, 12, 2, 30)).toUTCString();
    const past = new Date(Date.UTC(2026, 10, 25, 11, 0, 0)).toUTCString();
    const at = (date: string) => fakeFetch({ status: 503, raw: '', headers: { 'retry-after': date } });
    expect((await failure(collectorClient(BASE, at(future)).keys())).retryAfter).toBe(150);
    expect((await failure(collectorClient(BASE, at(past)).keys())).retryAfter).toBe(0);
  });

  it('no Retry-After header gives null', async () => {
    expect((await failure(collectorClient(BASE, fakeFetch({ status: 503, raw: '' })).keys())).retryAfter).toBeNull();
  });
});

