import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describeZodError } from '../../utils/wire/index';
import type { CollectorConfig } from './config';
import { loadOrCreateKeys, type CollectorKeys } from './key-material';
import { connectRewardChain, type RewardChain } from './rewards/chain';
import { bundleRoutes } from './routes/bundles';
import { claimPageRoutes } from './routes/claim-page';
import { computeRoutes } from './routes/compute';
import { loadCorpus } from './compute/corpus';
import { nativeEmbedder, type Embedder } from './compute/embedder';
import { DEFAULT_COMPUTE_RULES, publishShards, type ComputeRules } from './compute/jobs';
import { governancePageRoutes } from './routes/governance-page';
import { installCors } from './routes/cors';
import { deletionRoutes } from './routes/deletions';
import { deviceRoutes } from './routes/devices';
import { healthRoutes } from './routes/health';
import { transparencyRoutes } from './routes/transparency';
import { fsKeyring } from './at-rest/keyring';
import { fsBlobStore } from './cas/blob-store';
import { looseDirectories } from './data-dir';
import { installNodeWireCrypto } from './crypto/node-wire-crypto';
import { publishEpoch, scheduleEpochs } from './transparency/log';
import { keysRoutes } from './routes/keys';
import { communityRoutes } from './routes/community';
import { openApiRoutes, registerOpenApi } from './routes/openapi';
import { rewardsRoutes } from './routes/rewards';
import { policyRoutes } from './routes/policy';
import { followCommonsPolicy } from './policy/follow';
import { embeddedPolicy, fixedPolicySource, scoringRulesInForce, type PolicySource } from './policy/in-force';
import { tokenRoutes } from './routes/tokens';
import { issuerKeys } from './tokens/issuer-keys';
import { ApiError } from './services/errors';
import { tokenBucket, type RateLimiter } from './services/rate-limit';
import { liveCids } from './bundles/queries';
import { openStore } from './db/open';
import { gatewayRoutes } from './ipfs/gateway';
import type { IpfsNode } from './ipfs/node';
import { cutRelease, scheduleReleases, type CutResult, type ReleaseContext } from './releases/cut';
import { releasePolicy } from './releases/policy';
import { releaseRoutes } from './routes/releases';
import type { Store } from './db/store';

export interface ServerDeps {
  keys?: CollectorKeys;
  store?: Store;
  now?: () => number;
  afterCommit?: () => void;
  /** Defaults to the chain in config.rewards (none: rewards endpoints answer 503). */
  rewardChain?: RewardChain;
  /** Defaults to following config.rewards.chain.policy (none: the embedded rules). */
  policy?: PolicySource;
  /** Where the built claim page lives (default contracts/claim-page/dist, built if missing). */
  claimPageDir?: string;
  /** Where log lines go (default stdout); tests read them. */
  logStream?: NodeJS.WritableStream;
  /** The model known answers and index queries are embedded with (default: the manifest's, in onnxruntime-node). */
  embedder?: Embedder;
  computeRules?: ComputeRules;
  /** Picks shards and known-answer jobs (default Math.random). */
  random?: () => number;
  /** Where the built governance page lives (default contracts/governance-page/dist, built if missing). */
  governancePageDir?: string;
}

function limitOrThrow(limiter: RateLimiter, key: string, now: number, who: string): void {
  const wait = limiter.take(key, now);
  if (wait > 0) throw new ApiError(429, 'rate_limited', `too many requests for this ${who}; retry later`, { 'retry-after': String(wait) });
}

function errorFromFastify(err: FastifyError, req: FastifyRequest): ApiError {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({ path: v.instancePath.split('/').filter(Boolean), message: v.message ?? 'invalid' }));
    return new ApiError(400, req.routeOptions.config.invalidRequest ?? 'invalid_request', describeZodError({ issues }));
  }
  const status = err.statusCode ?? 500;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'body_too_large', 'request body exceeds the size limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported_media_type', 'send application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'empty_body', 'request body is empty');
  }
  if (status === 400) return new ApiError(400, 'malformed_json', 'request body is not valid JSON');
  if (status >= 400 && status < 500) return new ApiError(status as 400, 'bad_request', err.message.slice(0, 200));
  return new ApiError(500, 'internal', 'internal error');
}

/** Errors Node's HTTP parser raises before fastify sees a request, answered in our error shape. */
function clientErrorHandler(err: NodeJS.ErrnoException, socket: import('node:net').Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] =
    err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers_too_large'] : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'timeout'] : [400, 'bad_http'];
  const body = JSON.stringify({ error: { code, message: 'malformed HTTP request' } });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} Error\r\nContent-Length: ${body.length}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}

export function buildServer(config: CollectorConfig, deps: ServerDeps = {}): FastifyInstance {
  // Native sha256/Ed25519/base64 for every wire call in this process (same answers, a fraction of the CPU).
  installNodeWireCrypto();
  const keys = deps.keys ?? loadOrCreateKeys(config);
  const store = deps.store ?? openStore(config);
  const now = deps.now ?? Date.now;

  const app = Fastify({
    bodyLimit: config.bodyLimit,
    // Slow clients (slowloris) get cut off instead of holding sockets open.
    requestTimeout: 60_000,
    // Request logging is done below with a route pattern only: no IPs, no
    // bodies, no device keys in the logs.
    logController: new LogController({ disableRequestLogging: true }),
    logger: { level: config.logLevel, serializers: { req: () => ({}), res: () => ({}) }, ...(deps.logStream ? { stream: deps.logStream } : {}) },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    clientErrorHandler,
    // Bad percent-encoding or over-long path params: answer in our error shape.
    frameworkErrors: (err, _req, reply) => {
      const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      return (reply as FastifyReply).code(status).send({ error: { code: 'bad_url', message: 'malformed or over-long URL' } });
    },
  });
  app.removeContentTypeParser('text/plain');
  // Requests are parsed and replies encoded with the zod schemas of utils/collector-api.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerOpenApi(app);

  const ipLimiter = tokenBucket(config.rateLimit.perIpPerMinute);
  const deviceLimiter = tokenBucket(config.rateLimit.perDevicePerMinute);
  const limitDevice = (devicePub: string) => limitOrThrow(deviceLimiter, devicePub, now(), 'device');

  app.addHook('onRequest', async (req) => {
    if (req.url !== '/health') limitOrThrow(ipLimiter, req.ip, now(), 'client');
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ method: req.method, route: req.routeOptions.url ?? '(unmatched)', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  app.setErrorHandler(async (err: FastifyError | ApiError, req, reply) => {
    const api = err instanceof ApiError ? err : errorFromFastify(err, req);
    if (api.status >= 500) req.log.error({ err: { name: err.name, code: (err as FastifyError).code, stack: err.stack } }, 'unhandled error');
    return reply
      .code(api.status)
      .headers(api.headers)
      .send({ error: { code: api.code, message: api.message } });
  });
  app.setNotFoundHandler(async (_req, reply) => reply.code(404).send({ error: { code: 'not_found', message: 'no such route' } }));

  const blobs = fsBlobStore(config.blobDir);
  const keyring = fsKeyring(config.keyringDir, keys.master.key);
  for (const loose of looseDirectories([config.dataDir, config.blobDir, config.keyringDir])) {
    app.log.warn(loose, 'data directory is readable by group or others (its files are 0600); chmod 700 it');
  }
  const chain = deps.rewardChain ?? (config.rewards.chain && connectRewardChain(config.rewards.chain));
  // Replaced by the chain's policy before the first request when a policy contract is configured.
  let policy: PolicySource = deps.policy ?? fixedPolicySource(embeddedPolicy(config.rewards, chain ? chain.signerAddress : null));
  const policyChain = config.rewards.chain;
  if (!deps.policy && policyChain?.policy) {
    const chainWithPolicy = { ...policyChain, policy: policyChain.policy };
    app.addHook('onReady', async () => {
      policy = await followCommonsPolicy(chainWithPolicy, app.log);
    });
  }
  app.addHook('onClose', async () => policy.stop());
  const rulesInForce = () => policy.current().rules;
  app.decorate('policyInForce', () => policy.current());
  const scoring = () => scoringRulesInForce(config.rewards.scoring, rulesInForce());
  const ctx = { store, keys, maxSkewMs: config.maxSkewMs, now, afterCommit: deps.afterCommit, limitDevice, scoring, blobs, keyring };
  installCors(app);
  app.register(healthRoutes(store.db));
  app.register(openApiRoutes());
  app.register(keysRoutes(keys));
  app.register(communityRoutes({ keys, community: config.community, chain: config.rewards.chain }));
  app.register(bundleRoutes(ctx));
  app.register(deviceRoutes(store.db));
  app.register(deletionRoutes(ctx));
  app.register(transparencyRoutes(store.db));
  // On demand (tests, operators' scripts); the schedule below publishes every config.epochMs.
  app.decorate('publishEpoch', () => publishEpoch(store, keys, now));

  // The IPFS node (Helia) starts when first needed: a gateway request or a release cut. Loading it
  // takes seconds, which a collector that never publishes need not pay at every start.
  let node: Promise<IpfsNode> | undefined;
  const ipfs = (): Promise<IpfsNode> =>
    (node ??= import('./ipfs/node')
      .then((m) => m.startIpfsNode(config.ipfsDir))
      .catch((err: unknown) => {
        node = undefined;
        throw err;
      }));
  app.register(gatewayRoutes({ has: async (cid) => (await ipfs()).has(cid), get: async (cid) => (await ipfs()).get(cid) }));
  app.register(releaseRoutes(store.db));
  const releaseRules = () => releasePolicy(rulesInForce(), config.releaseTopicThreshold);
  const releaseContext = async (): Promise<ReleaseContext> => ({
    store,
    keyring,
    node: await ipfs(),
    policy: releaseRules,
    publishEpoch: () => publishEpoch(store, keys, now),
    now,
  });
  // One cut at a time in this process: a second request waits for the running cut.
  let cutting: Promise<CutResult> | undefined;
  const cutOnce = (): Promise<CutResult> => {
    cutting ??= releaseContext()
      .then(cutRelease)
      .finally(() => (cutting = undefined));
    return cutting;
  };
  app.decorate('cutRelease', cutOnce);
  app.register(policyRoutes(() => policy.current()));
  app.register(rewardsRoutes({ store, config: config.rewards, chain }));
  const clock = { epochMs: config.rewards.tokenEpochMs, now };
  app.register(
    tokenRoutes({ store, issuer: issuerKeys(store, keys, clock), clock, maxSkewMs: config.maxSkewMs, weiPerUnit: config.rewards.weiPerUnit, limitDevice, rules: rulesInForce, chain }),
  );
  const compute = {
    store,
    embedder: deps.embedder ?? nativeEmbedder(),
    rules: deps.computeRules ?? DEFAULT_COMPUTE_RULES,
    now,
    random: deps.random ?? Math.random,
    maxSkewMs: config.maxSkewMs,
    limitDevice,
  };
  app.register(computeRoutes(compute));
  // The claim page is only useful with a chain; building it is skipped otherwise.
  if (chain) app.register(claimPageRoutes(deps.claimPageDir));
  // Only a collector that follows a community's policy has something to govern.
  if (config.rewards.chain?.policy) app.register(governancePageRoutes(deps.governancePageDir));

  // Before the first request is answered (inject and listen wait for onReady); fails the start when
  // the database cannot be reached or migrated.
  app.addHook('onReady', () => store.migrate());
  app.addHook('onReady', () => publishShards(compute, loadCorpus()));
  // What a crash leaves in the blob directory goes before anything is served: temp files (one may hold an
  // envelope later deleted), blobs whose row never committed, blobs of bundles deleted just before the crash.
  app.addHook('onReady', async () => {
    const swept = await blobs.sweep(async () => new Set(await liveCids(store.db)));
    if (swept.temporary || swept.orphans) app.log.info(swept, 'removed what an interrupted run left in the blob directory');
  });
  let stopEpochs: (() => void) | undefined;
  app.addHook('onReady', async () => {
    stopEpochs = scheduleEpochs(store, keys, config.epochMs, now, (err) => app.log.error({ err }, 'epoch publication failed'));
  });
  app.addHook('onClose', async () => stopEpochs?.());
  let stopReleases: (() => void) | undefined;
  app.addHook('onReady', async () => {
    stopReleases = scheduleReleases(cutOnce, () => releaseRules().cadenceMs, (err) => app.log.error({ err }, 'release failed'));
  });
  app.addHook('onClose', async () => {
    stopReleases?.();
    await (await node?.catch(() => undefined))?.stop();
  });
  app.addHook('onClose', async () => {
    if (!deps.store) await store.close();
  });
  return app;
}
