// The collector's routes are the ones declared in utils/collector-api, its OpenAPI document
// lists every one of them with its schemas, and every refusal has the one error body.
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { loadOrCreateKeys } from '../src/key-material';
import type { RewardChain } from '../src/rewards/chain';
import { ensureVoucherKey } from '../src/rewards/voucher-key';
import { buildServer } from '../src/server';
import * as claimPage from '../../utils/collector-api/claim-page';
import * as community from '../../utils/collector-api/community';
import { apiErrorBodySchema } from '../../utils/collector-api/error';
import * as extension from '../../utils/collector-api/extension';
import * as operator from '../../utils/collector-api/operator';
import * as tokens from '../../utils/collector-api/tokens';
import type { RouteDef } from '../../utils/collector-api/route';
import { generateDeviceKeyPair, signDeletionRequest } from '../../utils/wire/index';
import { tempDir } from './harness';
import { join } from 'node:path';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const isRoute = (v: unknown): v is RouteDef => typeof v === 'object' && v !== null && 'method' in v && 'url' in v && 'schema' in v;
const contractRoutes = (
  [...Object.values(extension), ...Object.values(claimPage), ...Object.values(operator), ...Object.values(community), ...Object.values(tokens)] as unknown[]
).filter(isRoute);
/** OpenAPI writes path parameters as {name}. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

type Operation = {
  parameters?: { in: string; name: string; schema: object }[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};
type OpenApiDoc = { openapi: string; paths: Record<string, Record<string, Operation>> };

const dataDir = tempDir();
const registered: RouteOptions[] = [];
let app: ReturnType<typeof buildServer>;
let doc: OpenApiDoc;

beforeAll(async () => {
  const config = loadConfig({ COLLECTOR_DATA_DIR: dataDir, COLLECTOR_LOG_LEVEL: 'silent', });
  const voucherKeyFile = join(dataDir, 'voucher-key.json');
  const signer = ensureVoucherKey(voucherKeyFile);
  const chain: RewardChain = {
    config: { rpcUrl: 'http://127.0.0.1:9', chainId: 31337, chainName: 'Test', contract: '0x5FbDB2315678afecb367f032d93F642f64180aa3', voucherKeyFile, voucherTtlSeconds: 3600 },
    signerKey: signer.privateKey,
    signerAddress: signer.address,
    claimed: async () => 0n,
    blockTime: async () => 0n,
    claimFor: async () => { throw new Error('no chain in this test'); },
  };
  const claimPageDir = join(dataDir, 'claim-page');
  mkdirSync(claimPageDir);
  writeFileSync(join(claimPageDir, 'index.html'), '<!doctype html><div id="app"></div>');
  app = buildServer(config, { keys: loadOrCreateKeys(config), rewardChain: chain, claimPageDir });
  // Route plugins load at ready(), so this sees every route they register.
  app.addHook('onRoute', (route) => void registered.push(route));
  await app.ready();
  const res = await app.inject({ method: 'GET', url: '/v1/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});

afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document listing every route the collector registered', () => {
    expect(doc.openapi).toBe('3.1.0');
    const served = registered.flatMap((r) => [r.method].flat().filter((m) => m !== 'HEAD').map((m) => ({ method: m, url: r.url, hide: r.schema?.hide === true })));
    const documented = served.filter((r) => !r.hide);
    // Only the static claim page is left out, not an API route.
    expect(served.filter((r) => r.hide).every((r) => r.url.startsWith('/claim'))).toBe(true);
    expect(documented.length).toBeGreaterThanOrEqual(contractRoutes.length);
    for (const { method, url } of documented) {
      expect(doc.paths[openApiPath(url)]?.[method.toLowerCase()], `${method} ${url}`).toBeDefined();
    }
  });

  it('gives every contract route its request schemas, its reply and the error body', () => {
    expect(contractRoutes.length).toBe(16);
    for (const route of contractRoutes) {
      const op = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url}`).toBeDefined();
      if (!op) continue;
      expect(op.responses['200']?.content?.['application/json']?.schema, route.url).toBeTypeOf('object');
      for (const status of ['4XX', '5XX']) {
        expect(op.responses[status]?.content?.['application/json']?.schema, `${route.url} ${status}`).toMatchObject({
          type: 'object',
          required: ['error'],
        });
      }
      if (route.schema.body) expect(op.requestBody?.content['application/json']?.schema, route.url).toMatchObject({ type: 'object' });
      const pathParams = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      expect(op.parameters?.filter((p) => p.in === 'path').map((p) => p.name) ?? [], route.url).toEqual(pathParams);
    }
  });

  it('describes amounts and addresses as they travel (decimal strings, 0x hex), not as code holds them', () => {
    const redemption = doc.paths['/v1/tokens/redeem']?.post?.responses['200']?.content?.['application/json']?.schema as {
      properties: Record<string, { properties: Record<string, Record<string, unknown>> }>;
    };
    const voucher = redemption.properties.voucher!;
    expect(voucher.properties.cumulativeAmount).toMatchObject({ type: 'string', pattern: '^\\d{1,78}$' });
    expect(voucher.properties.account).toMatchObject({ type: 'string' });
  });
});

describe('the error body', () => {
  it('is the same for requests that miss the schema, refusals and unknown routes', async () => {
    const cases = [
      { method: 'POST', url: '/v1/bundles', payload: { v: 1 }, status: 400, code: 'invalid_envelope' },
      { method: 'GET', url: '/v1/devices/nothex/balance', status: 400, code: 'invalid_device' },
      { method: 'GET', url: '/v1/transparency/proof/not-a-uuid', status: 400, code: 'invalid_bundle_id' },
      { method: 'GET', url: '/v1/tokens/epochs/not-a-number', status: 400, code: 'invalid_epoch' },
      { method: 'POST', url: '/v1/tokens/issue', payload: {}, status: 400, code: 'invalid_request' },
      { method: 'GET', url: '/v1/transparency/roots/latest', status: 404, code: 'no_epoch' },
      { method: 'GET', url: '/v1/nowhere', status: 404, code: 'not_found' },
    ] as const;
    for (const c of cases) {
      const res = await app.inject({ method: c.method, url: c.url, ...('payload' in c ? { payload: c.payload } : {}) });
      expect(res.statusCode, c.url).toBe(c.status);
      const body = apiErrorBodySchema.parse(res.json());
      expect(body.error.code, c.url).toBe(c.code);
      expect(body.error.message.length, c.url).toBeGreaterThan(0);
    }
  });

  it('names the field a request got wrong, without quoting the value', async () => {
    const signed = signDeletionRequest({ scope: { kind: 'all' }, ts: Date.now() }, generateDeviceKeyPair().secretKey);
    const res = await app.inject({ method: 'POST', url: '/v1/deletions', payload: { ...signed, devicePub: 'secret-looking-value' } });
    const { error } = apiErrorBodySchema.parse(res.json());
    expect(error.message).toMatch(/^devicePub: /);
    expect(error.message).not.toContain('secret-looking-value');
  });
});
