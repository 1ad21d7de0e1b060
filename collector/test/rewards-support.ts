// Shared by the rewards and wallet-link tests: a collector with a reward chain (fake or anvil),
// bundle submission, deletion and the two halves of a wallet link.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Address, Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { buildLinkMessage } from '../../contracts/link-message';
import {
  signDeletionRequest,
  signWalletLinkIntent,
  type DeletionScope,
  type DeviceKeyPair,
  type Signal,
} from '../../utils/wire/index';
import { makePlaintext, seal } from '../../test/unit/wire/fixtures';
import { loadConfig } from '../src/config';
import { currentEncryptionKey, loadOrCreateKeys } from '../src/key-material';
import type { RewardChain } from '../src/rewards/chain';
import { buildServer } from '../src/server';

export const ORIGIN = 'http://127.0.0.1:8787';
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
  const config = loadConfig({ COLLECTOR_DATA_DIR: dataDir, COLLECTOR_LOG_LEVEL: opts.logStream ? 'info' : 'silent', COLLECTOR_PUBLIC_ORIGIN: ORIGIN, ...opts.env });
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

export async function requestNonce(app: FastifyInstance, device: DeviceKeyPair): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/v1/wallet/nonce', payload: { devicePub: device.publicKey } });
  if (res.statusCode !== 200) throw new Error(`nonce refused: ${res.body}`);
  return (res.json() as { nonce: string }).nonce;
}

/** What the claim page posts, signed by `signer` (the wallet itself unless a test says otherwise). */
export async function linkRequest(opts: {
  device: DeviceKeyPair;
  nonce: string;
  wallet: Address;
  signerKey: Hex;
  chainId: number;
  origin?: string;
  issuedAt?: Date;
  deviceSecret?: Uint8Array;
}) {
  const origin = opts.origin ?? ORIGIN;
  const message = buildLinkMessage({
    origin,
    wallet: opts.wallet,
    chainId: opts.chainId,
    devicePub: opts.device.publicKey,
    nonce: opts.nonce,
    issuedAt: opts.issuedAt ?? new Date(),
  });
  return {
    devicePub: opts.device.publicKey,
    wallet: opts.wallet,
    chainId: opts.chainId,
    nonce: opts.nonce,
    message,
    walletSig: await privateKeyToAccount(opts.signerKey).signMessage({ message }),
    deviceSig: signWalletLinkIntent(opts.deviceSecret ?? opts.device.secretKey, { origin, nonce: opts.nonce }),
  };
}

export const postLink = (app: FastifyInstance, body: object) => app.inject({ method: 'POST', url: '/v1/wallet/link', payload: body });
