// Shared by the rewards, token and policy tests: a collector with a reward chain (fake or anvil),
// bundle submission and deletion.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { signDeletionRequest, type DeletionScope, type DeviceKeyPair, type Signal } from '../../utils/wire/index';
import { makePlaintext, seal } from '../../test/unit/wire/fixtures';
import { loadConfig } from '../src/config';
import { currentEncryptionKey, loadOrCreateKeys } from '../src/key-material';
import type { RewardChain } from '../src/rewards/chain';
import { buildServer } from '../src/server';

export const TOKEN = 10n ** 18n;

export interface RewardsCollector {
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

/** A claim page stand-in: the tests check serving and headers, not the page (contracts/test does). */
function stubClaimPage(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><style>main{}</style><div id="app"></div>');
  return dir;
}

export async function startRewardsCollector(opts: {
  chain?: (voucherKeyFile: string) => RewardChain;
  env?: Record<string, string>;
  now?: () => number;
  logStream?: NodeJS.WritableStream;
}): Promise<RewardsCollector> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tributary-rewards-'));
  const config = loadConfig({ COLLECTOR_DATA_DIR: dataDir, COLLECTOR_LOG_LEVEL: opts.logStream ? 'info' : 'silent', ...opts.env });
  const app = buildServer(config, {
    keys: loadOrCreateKeys(config),
    now: opts.now,
    logStream: opts.logStream,
    rewardChain: opts.chain?.(join(dataDir, 'voucher-key.json')),
    claimPageDir: stubClaimPage(join(dataDir, 'claim-page')),
  });
  await app.ready();
  return {
    app,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function contribute(app: FastifyInstance, device: DeviceKeyPair, signals: Signal[], createdAt = Date.now()) {
  const keys = (await app.inject({ method: 'GET', url: '/v1/keys' })).json() as { encryption: { keyId: string; publicKey: string; current: boolean }[] };
  const current = keys.encryption.find((k) => k.current)!;
  const collector = { keyId: current.keyId, publicKey: Buffer.from(current.publicKey, 'base64'), secretKey: new Uint8Array(32) };
  const res = await app.inject({ method: 'POST', url: '/v1/bundles', payload: seal(makePlaintext(device, { signals, createdAt }), collector, device) as object });
  if (res.statusCode !== 200) throw new Error(`bundle refused: ${res.body}`);
  return res.json() as { bundleId: string; receipt: { credited: number } };
}

export async function deleteScope(app: FastifyInstance, device: DeviceKeyPair, scope: DeletionScope, ts = Date.now()) {
  const res = await app.inject({ method: 'POST', url: '/v1/deletions', payload: signDeletionRequest({ scope, ts }, device.secretKey) as object });
  if (res.statusCode !== 200) throw new Error(`deletion refused: ${res.body}`);
  return res.json() as { receipt: { debited: number } };
}
