/**
 * Blind reward tokens, per token: the device's blinding, the collector's issuance (device signature,
 * allowance, partially blind RSA signature) and its redemption (token verification, nullifier, voucher,
 * claimFor on anvil), against one native RSA-PSS-2048 signature (what a plain, non-blind signed
 * token would cost the collector). Gas is claimFor's, per redemption batch.
 */
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { startRewardChain } from '../../collector/test/reward-chain';
import { contribute, startRewardsCollector } from '../../collector/test/rewards-support';
import { injectEndpoint, movableClock, receiptPub, redeem } from '../../collector/test/tokens-support';
import { makeSignal } from '../../test/unit/wire/fixtures';
import { completeBatch, prepareBatch } from '../../utils/tokens/obtain';
import { generateDeviceKeyPair } from '../../utils/wire/index';
import { signTokenIssueRequest } from '../../utils/wire/reward-tokens';
import type { Figure } from '../lib/report';
import { median, round } from '../lib/stats';

const DEVICES = 4;
/** 15 units = tokens of 8, 4, 2 and 1. */
const UNITS_EACH = 15;
const EPOCH_MS = 3_600_000;

async function nativeRsaSignMs(): Promise<number> {
  const pair = await crypto.subtle.generateKey({ name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-384' }, false, ['sign', 'verify']);
  const data = crypto.getRandomValues(new Uint8Array(64));
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await crypto.subtle.sign({ name: 'RSA-PSS', saltLength: 48 }, pair.privateKey, data);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function benchTokens(): Promise<Figure[]> {
  const chain = await startRewardChain();
  const clock = movableClock(EPOCH_MS);
  const c = await startRewardsCollector({ env: { ...chain.collectorEnv, COLLECTOR_TOKEN_EPOCH_MS: String(EPOCH_MS) }, now: clock.now });
  try {
    const endpoint = injectEndpoint(c.app);
    const pub = await receiptPub(c.app);
    const blindMs: number[] = [];
    const issueMs: number[] = [];
    const batches = [];
    // The first request makes the epoch's issuer key; it is timed on its own.
    const keyStart = performance.now();
    await c.app.inject({ method: 'GET', url: '/v1/tokens/issuer' });
    const keyMs = performance.now() - keyStart;
    for (let i = 0; i < DEVICES; i++) {
      const device = generateDeviceKeyPair();
      await contribute(c.app, device, Array.from({ length: UNITS_EACH }, () => makeSignal()), clock.now());
      const t0 = performance.now();
      const batch = (await prepareBatch(endpoint, pub, device.publicKey, UNITS_EACH, async (f) => signTokenIssueRequest(f, device.secretKey), clock.now()))!;
      const t1 = performance.now();
      const tokens = await completeBatch(endpoint, batch);
      const t2 = performance.now();
      blindMs.push((t1 - t0) / tokens.length);
      issueMs.push((t2 - t1) / tokens.length);
      batches.push(tokens);
    }
    clock.closeEpoch();
    const redeemMs: number[] = [];
    const gas: number[] = [];
    for (const tokens of batches) {
      const t0 = performance.now();
      const res = await redeem(c.app, privateKeyToAccount(generatePrivateKey()).address, tokens);
      redeemMs.push((performance.now() - t0) / tokens.length);
      const { txHash } = res.json() as { txHash: `0x${string}` };
      gas.push(Number((await chain.publicClient.getTransactionReceipt({ hash: txHash })).gasUsed));
    }
    const rsa = await nativeRsaSignMs();
    const tokensEach = batches[0]!.length;
    const note = `${DEVICES} devices × ${tokensEach} tokens, medians`;
    return [
      { key: 'token_blind_ms', value: round(median(blindMs), 1), unit: 'ms', note: `device: blind one token (issuer key fetched and log-checked once per batch), ${note}` },
      { key: 'token_issue_ms', value: round(median(issueMs), 1), unit: 'ms', note: `collector: issue one token (blind-sign) + device unblinding, ${note}` },
      { key: 'token_redeem_ms', value: round(median(redeemMs), 1), unit: 'ms', note: `collector: redeem one token (verify, nullifier, voucher, claimFor mined on anvil), ${note}` },
      { key: 'token_issuer_key_ms', value: round(keyMs, 0), unit: 'ms', note: 'making and logging one epoch’s issuer key (2048-bit, safe primes)' },
      { key: 'native_rsa_sign_ms', value: round(rsa, 2), unit: 'ms', note: 'one RSA-PSS-2048 SHA-384 signature, native WebCrypto (baseline)' },
      { key: 'token_issue_vs_native_rsa', value: round(median(issueMs) / rsa, 0), unit: 'x', note: 'token_issue_ms / native_rsa_sign_ms' },
      { key: 'token_claim_gas', value: median(gas), unit: 'gas', note: 'claimFor per redemption batch, paid by the collector' },
    ];
  } finally {
    await c.close();
    await chain.stop();
  }
}
