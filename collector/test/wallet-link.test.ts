import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDeviceKeyPair, signWalletLinkIntent, verifyWalletLinkIntent, type DeviceKeyPair } from '../../utils/wire/index';
import type { RewardChain } from '../src/rewards/chain';
import { collectorClient } from '../../utils/collector-client/client';
import { ensureVoucherKey } from '../src/rewards/voucher-key';
import { forgedLinkIntents, smallOrderEncodings } from './ed25519-forgery';
import { linkRequest, ORIGIN, postLink, requestNonce, startRewardsCollector, type RewardsCollector } from './rewards-support';

const CHAIN_ID = 31337;
const CONTRACT = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

function fakeChain(voucherKeyFile: string): RewardChain {
  const signer = ensureVoucherKey(voucherKeyFile);
  return {
    config: { rpcUrl: 'http://127.0.0.1:9', chainId: CHAIN_ID, chainName: 'Test', contract: CONTRACT, voucherKeyFile, voucherTtlSeconds: 3600 },
    signerKey: signer.privateKey,
    signerAddress: signer.address,
    claimed: async () => 0n,
    blockTime: async () => BigInt(Math.floor(Date.now() / 1000)),
    claimFor: async () => { throw new Error('no chain in this test'); },
  };
}

let clock = Date.now();
let c: RewardsCollector;
let device: DeviceKeyPair;
const walletKey = generatePrivateKey();
const wallet = privateKeyToAccount(walletKey).address;

beforeEach(async () => {
  clock = Date.now();
  c = await startRewardsCollector({ chain: fakeChain, now: () => clock });
  device = generateDeviceKeyPair();
});
afterEach(async () => c.close());

const linkedWallet = async (d: DeviceKeyPair) =>
  ((await c.app.inject({ method: 'GET', url: `/v1/devices/${d.publicKey}/rewards` })).json() as { wallet: string | null }).wallet;

describe('wallet-link intent (device half)', () => {
  it('verifies only for the same origin, device and nonce', () => {
    const sig = signWalletLinkIntent(device.secretKey, { origin: ORIGIN, nonce: 'abcdef123456' });
    const fields = { origin: ORIGIN, devicePub: device.publicKey, nonce: 'abcdef123456' };
    expect(verifyWalletLinkIntent(sig, fields)).toBe(true);
    expect(verifyWalletLinkIntent(`0x${sig.toUpperCase()}`, fields)).toBe(true);
    expect(verifyWalletLinkIntent(sig, { ...fields, nonce: 'abcdef123457' })).toBe(false);
    expect(verifyWalletLinkIntent(sig, { ...fields, origin: 'https://evil.example' })).toBe(false);
    expect(verifyWalletLinkIntent(sig, { ...fields, devicePub: generateDeviceKeyPair().publicKey })).toBe(false);
    expect(verifyWalletLinkIntent('zz', fields)).toBe(false);
  });
});

describe('POST /v1/wallet/nonce + /v1/wallet/link', () => {
  it('links a device to the wallet that signed, once both signatures verify', async () => {
    const nonce = await requestNonce(c.app, device);
    expect(nonce).toMatch(/^[A-Za-z0-9]{8,128}$/);
    const res = await postLink(c.app, await linkRequest({ device, nonce, wallet, signerKey: walletKey, chainId: CHAIN_ID }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ linked: true, devicePub: device.publicKey, wallet });
    expect(await linkedWallet(device)).toBe(wallet);
  });

  it('refuses a message signed by another wallet than the one it names', async () => {
    const nonce = await requestNonce(c.app, device);
    const res = await postLink(c.app, await linkRequest({ device, nonce, wallet, signerKey: generatePrivateKey(), chainId: CHAIN_ID }));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('bad_wallet_signature');
    expect(await linkedWallet(device)).toBeNull();
  });

  it('refuses a bad device signature (another device signed the intent)', async () => {
    const nonce = await requestNonce(c.app, device);
    const body = await linkRequest({ device, nonce, wallet, signerKey: walletKey, chainId: CHAIN_ID, deviceSecret: generateDeviceKeyPair().secretKey });
    const res = await postLink(c.app, body);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('bad_device_signature');
    expect(await linkedWallet(device)).toBeNull();
  });

  it('refuses a replayed nonce', async () => {
    const nonce = await requestNonce(c.app, device);
    const body = await linkRequest({ device, nonce, wallet, signerKey: walletKey, chainId: CHAIN_ID });
    expect((await postLink(c.app, body)).statusCode).toBe(200);
    const replay = await postLink(c.app, body);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe('nonce_invalid');
  });

  it('refuses an expired nonce and a nonce issued to another device', async () => {
    const nonce = await requestNonce(c.app, device);
    clock += 10 * 60 * 1000 + 1;
    const late = await postLink(c.app, await linkRequest({ device, nonce, wallet, signerKey: walletKey, chainId: CHAIN_ID, issuedAt: new Date(clock) }));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('nonce_invalid');

    const other = generateDeviceKeyPair();
    const othersNonce = await requestNonce(c.app, other);
    const stolen = await postLink(c.app, await linkRequest({ device, nonce: othersNonce, wallet, signerKey: walletKey, chainId: CHAIN_ID }));
    expect(stolen.statusCode).toBe(409);
    expect(await linkedWallet(device)).toBeNull();
  });

  it('refuses a message naming another origin or chain, or a stale message', async () => {
    const nonce = await requestNonce(c.app, device);
    const evil = await postLink(c.app, await linkRequest({ device, nonce, wallet, signerKey: walletKey, chainId: CHAIN_ID, origin: 'https://evil.example' }));
    expect(evil.json().error.code).toBe('link_mismatch');
    const chain = await postLink(c.app, await linkRequest({ device, nonce, wallet, signerKey: walletKey, chainId: 1 }));
    expect(chain.json().error.code).toBe('link_mismatch');
    const stale = await postLink(c.app, await linkRequest({ device, nonce, wallet, signerKey: walletKey, chainId: CHAIN_ID, issuedAt: new Date(clock - 11 * 60_000) }));
    expect(stale.json().error.code).toBe('stale_message');
    // None of the refusals spent the nonce.
    expect((await postLink(c.app, await linkRequest({ device, nonce, wallet, signerKey: walletKey, chainId: CHAIN_ID }))).statusCode).toBe(200);
  });

  it('keeps a device on its first wallet', async () => {
    await postLink(c.app, await linkRequest({ device, nonce: await requestNonce(c.app, device), wallet, signerKey: walletKey, chainId: CHAIN_ID }));
    const otherKey = generatePrivateKey();
    const other = privateKeyToAccount(otherKey).address;
    const res = await postLink(c.app, await linkRequest({ device, nonce: await requestNonce(c.app, device), wallet: other, signerKey: otherKey, chainId: CHAIN_ID }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('already_linked');
    expect(await linkedWallet(device)).toBe(wallet);
  });

  it('refuses device signatures forged under small-order keys (401, nothing linked)', async () => {
    const nonces = new Map<string, string>();
    for (const point of smallOrderEncodings()) {
      const pub = Buffer.from(point).toString('hex');
      nonces.set(pub, await requestNonce(c.app, { publicKey: pub, secretKey: new Uint8Array(32) }));
    }
    const forged = forgedLinkIntents(ORIGIN, (pub) => nonces.get(pub)!);
    expect(forged.length).toBeGreaterThan(0);
    for (const f of forged) {
      const owner = { publicKey: f.devicePub, secretKey: new Uint8Array(32) };
      const body = { ...(await linkRequest({ device: owner, nonce: f.nonce, wallet, signerKey: walletKey, chainId: CHAIN_ID })), deviceSig: f.sig };
      const res = await postLink(c.app, body);
      expect(res.statusCode, f.devicePub).toBe(401);
      expect(res.json().error.code).toBe('bad_device_signature');
      expect(await linkedWallet(owner)).toBeNull();
    }
  });
});
