// Blind reward tokens against a real chain (anvil): devices obtain tokens for their credit, the
// tokens are redeemed to fresh wallets (no ether: the collector sends claimFor), and every
// refusal — a key not in the log, a token relabelled to another epoch or denomination, malformed,
// replayed, unknown epoch, open epoch, over the allowance — is a clear 4xx with nothing paid.
import type { Address, PublicClient } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewardTokenAbi } from '../../contracts/artifacts/RewardToken';
import { makeSignal } from '../../test/unit/wire/fixtures';
import { completeBatch, IssuerKeyNotLogged, loggedIssuerKey, prepareBatch } from '../../utils/tokens/obtain';
import { bytesToBase64, generateDeviceKeyPair, generateReceiptKeyPair } from '../../utils/wire/index';
import {
  blindToken,
  importIssuerPublicKey,
  signIssuerLogRoot,
  signTokenIssueRequest,
  verifyIssuerKeyProof,
  type IssuerKeyProof,
  type RewardToken,
} from '../../utils/wire/reward-tokens';
import { startRewardChain, type RewardChain } from './reward-chain';
import { contribute, startRewardsCollector, TOKEN, type RewardsCollector } from './rewards-support';
import { injectEndpoint, movableClock, obtainTokens, receiptPub, redeem } from './tokens-support';

const EPOCH_MS = 3_600_000;
const freshWallet = (): Address => privateKeyToAccount(generatePrivateKey()).address;

describe('blind reward tokens (anvil)', () => {
  let chain: RewardChain;
  let c: RewardsCollector;
  let publicClient: PublicClient;
  const clock = movableClock(EPOCH_MS);
  const balanceOf = (wallet: Address) => publicClient.readContract({ address: chain.token, abi: rewardTokenAbi, functionName: 'balanceOf', args: [wallet] });

  beforeAll(async () => {
    chain = await startRewardChain();
    publicClient = chain.publicClient;
    c = await startRewardsCollector({ env: { ...chain.collectorEnv, COLLECTOR_TOKEN_EPOCH_MS: String(EPOCH_MS) }, now: clock.now });
  }, 60_000);

  afterAll(async () => {
    await c?.close();
    await chain?.stop();
  });

  it('pays each fresh wallet exactly what its device was credited, once, only after the epoch closes', async () => {
    const devices = [generateDeviceKeyPair(), generateDeviceKeyPair()];
    const credited = [3, 5];
    const tokens: RewardToken[][] = [];
    for (const [i, device] of devices.entries()) {
      const sent = await contribute(c.app, device, Array.from({ length: credited[i]! }, () => makeSignal()), clock.now());
      expect(sent.receipt.credited).toBe(credited[i]);
      tokens.push(await obtainTokens(c.app, device, credited[i]!, clock.now()));
    }
    // Powers of two: 3 = 2 + 1, 5 = 4 + 1.
    expect(tokens.map((ts) => ts.map((t) => t.denomination))).toEqual([[2, 1], [4, 1]]);
    const allowance = (await c.app.inject({ method: 'GET', url: `/v1/devices/${devices[0]!.publicKey}/tokens` })).json();
    expect(allowance).toMatchObject({ earnedUnits: 3, issuedUnits: 3, issuableUnits: 0 });
    const epoch = tokens[0]![0]!.epoch;
    expect((await c.app.inject({ method: 'GET', url: `/v1/tokens/epochs/${epoch}` })).json()).toMatchObject({ devices: 2, closed: false });

    const wallets = [freshWallet(), freshWallet()];
    const early = await redeem(c.app, wallets[0]!, tokens[0]!);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('epoch_open');

    clock.closeEpoch();
    for (const [i, wallet] of wallets.entries()) {
      expect(await publicClient.getBalance({ address: wallet })).toBe(0n);
      const res = await redeem(c.app, wallet, tokens[i]!);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ wallet, units: credited[i], status: 'success' });
      expect(await balanceOf(wallet)).toBe(BigInt(credited[i]!) * TOKEN);
    }

    // Any token again, alone or with new ones: refused whole, nothing paid.
    const replay = await redeem(c.app, freshWallet(), [tokens[1]![1]!]);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe('token_spent');
    expect(await balanceOf(wallets[1]!)).toBe(5n * TOKEN);
  }, 120_000);

  it('refuses a key that is not in the issuer-key log before blinding anything', async () => {
    const endpoint = injectEndpoint(c.app);
    const pub = await receiptPub(c.app);
    const genuine = (await c.app.inject({ method: 'GET', url: '/v1/tokens/issuer' })).json() as IssuerKeyProof;
    expect(verifyIssuerKeyProof(genuine, pub)).toBe(true);
    await expect(loggedIssuerKey(endpoint, pub)).resolves.toMatchObject({ epoch: genuine.key.epoch });

    // A key of its own for one user: same proof, another key.
    const swapped = { ...genuine, key: { ...genuine.key, publicKey: bytesToBase64(new Uint8Array(294).fill(7)) } };
    expect(verifyIssuerKeyProof(swapped, pub)).toBe(false);
    // A log of its own, signed by a key that is not the collector's pinned receipt key.
    const forger = generateReceiptKeyPair();
    const forged = { ...genuine, root: signIssuerLogRoot({ size: genuine.root.size, root: genuine.root.root, ts: genuine.root.ts, collectorKeyId: forger.keyId }, forger.secretKey) };
    expect(verifyIssuerKeyProof(forged, pub)).toBe(false);
    // The extension's path: the pinned key is another collector's.
    await expect(loggedIssuerKey(endpoint, forger.publicKey)).rejects.toBeInstanceOf(IssuerKeyNotLogged);
  }, 60_000);

  it('refuses relabelled, malformed, unknown-epoch and over-allowance requests with a 4xx, paying nothing', async () => {
    const device = generateDeviceKeyPair();
    await contribute(c.app, device, [makeSignal(), makeSignal()], clock.now());
    const endpoint = injectEndpoint(c.app);
    const batch = (await prepareBatch(endpoint, await receiptPub(c.app), device.publicKey, 2, async (f) => signTokenIssueRequest(f, device.secretKey), clock.now()))!;
    const [token] = await completeBatch(endpoint, batch);
    expect(token!.denomination).toBe(2);
    // The same signed request again (its answer lost): the same signatures, not charged twice.
    const again = await c.app.inject({ method: 'POST', url: '/v1/tokens/issue', payload: batch.request });
    expect(again.json()).toMatchObject({ duplicate: true });
    expect((await completeBatch(endpoint, batch))[0]).toEqual(token);
    expect((await c.app.inject({ method: 'GET', url: `/v1/devices/${device.publicKey}/tokens` })).json()).toMatchObject({ issuedUnits: 2, issuableUnits: 0 });

    // Over the allowance: the device was credited 2 and has them as a token already.
    const key = (await c.app.inject({ method: 'GET', url: '/v1/tokens/issuer' })).json() as IssuerKeyProof;
    const extra = await blindToken(await importIssuerPublicKey(key.key.publicKey), key.key.epoch, 1);
    const over = await c.app.inject({
      method: 'POST',
      url: '/v1/tokens/issue',
      payload: signTokenIssueRequest({ devicePub: device.publicKey, epoch: key.key.epoch, ts: clock.now(), tokens: [{ denomination: 1, blinded: extra.blinded }] }, device.secretKey),
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('over_allowance');
    // Another epoch than the current one.
    const wrongEpoch = await c.app.inject({
      method: 'POST',
      url: '/v1/tokens/issue',
      payload: signTokenIssueRequest({ devicePub: device.publicKey, epoch: key.key.epoch - 1, ts: clock.now(), tokens: [{ denomination: 1, blinded: extra.blinded }] }, device.secretKey),
    });
    expect(wrongEpoch.statusCode).toBe(409);
    expect(wrongEpoch.json().error.code).toBe('wrong_epoch');

    clock.closeEpoch();
    const wallet = freshWallet();
    const refusals: [RewardToken[] | unknown[], number, string][] = [
      [[{ ...token!, denomination: 4 }], 400, 'invalid_token'],
      [[{ ...token!, denomination: 3 }], 400, 'invalid_request'],
      [[{ ...token!, epoch: 1 }], 400, 'unknown_epoch'],
      [[{ ...token!, sig: `${token!.sig.slice(0, 10)}${token!.sig[10] === 'A' ? 'B' : 'A'}${token!.sig.slice(11)}` }], 400, 'invalid_token'],
      [[{ ...token!, msg: 'not base64!' }], 400, 'invalid_request'],
      [[token!, token!], 400, 'duplicate_token'],
      [[], 400, 'invalid_request'],
    ];
    for (const [tokens, status, code] of refusals) {
      const res = await redeem(c.app, wallet, tokens as RewardToken[]);
      expect({ status: res.statusCode, code: res.json().error.code }).toEqual({ status, code });
    }
    expect(await balanceOf(wallet)).toBe(0n);
    // A token relabelled to a later epoch that has a key: its signature is for another epoch's key and metadata.
    const later = await obtainTokensForRelabel();
    const relabelled = await redeem(c.app, wallet, [{ ...token!, epoch: later }]);
    expect(relabelled.statusCode).toBe(400);
    expect(relabelled.json().error.code).toBe('invalid_token');
    expect(await balanceOf(wallet)).toBe(0n);

    // The genuine token still pays, once.
    expect((await redeem(c.app, wallet, [token!])).statusCode).toBe(200);
    expect(await balanceOf(wallet)).toBe(2n * TOKEN);
  }, 120_000);

  /** Makes the key of the current (later) epoch and closes it, so a token may name it. */
  async function obtainTokensForRelabel(): Promise<number> {
    const proof = (await c.app.inject({ method: 'GET', url: '/v1/tokens/issuer' })).json() as IssuerKeyProof;
    clock.closeEpoch();
    return proof.key.epoch;
  }
});
