// The token protocol pieces the extension runs: denominations, blinding, the extension's own
// unblinding (the library's finalize cannot run in browsers) and the summary the dashboard shows.
import { generatePrime } from 'node:crypto';
import { PartiallyBlindRSA } from '@cloudflare/blindrsa-ts';
import { describe, expect, it } from 'vitest';
import { tokenSummary } from '../../../utils/background/extension-state';
import { base64ToBytes, bytesToBase64 } from '../../../utils/wire/encoding';
import {
  blindToken,
  importIssuerPublicKey,
  ISSUER_MODULUS_BITS,
  splitIntoDenominations,
  tokenInfo,
  tokenSuite,
  unblindToken,
  verifyToken,
} from '../../../utils/wire/reward-tokens';

const safePrime = (bits: number) =>
  new Promise<bigint>((resolve, reject) => generatePrime(bits, { safe: true, bigint: true }, (err, p) => (err ? reject(err) : resolve(p))));

describe('denominations', () => {
  it('are the binary digits of the units, the largest repeated above 2047', () => {
    expect(splitIntoDenominations(37)).toEqual([32, 4, 1]);
    expect(splitIntoDenominations(0)).toEqual([]);
    expect(splitIntoDenominations(3000)).toEqual([1024, 1024, 512, 256, 128, 32, 16, 8]);
    expect(splitIntoDenominations(3000).reduce((a, b) => a + b, 0)).toBe(3000);
  });
});

describe('blinding and unblinding', () => {
  it('gives exactly the signature the library’s finalize gives, valid only for its epoch and denomination', async () => {
    const primes = await Promise.all([safePrime(ISSUER_MODULUS_BITS / 2), safePrime(ISSUER_MODULUS_BITS / 2)]);
    let next = 0;
    const pair = await PartiallyBlindRSA.generateKey(
      { modulusLength: ISSUER_MODULUS_BITS, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-384' },
      () => primes[next++]!,
    );
    const publicKey = await importIssuerPublicKey(bytesToBase64(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey))));
    const pending = await blindToken(publicKey, 7, 4);
    const blindSig = await tokenSuite().blindSign(pair.privateKey, base64ToBytes(pending.blinded), tokenInfo(7, 4));
    const token = await unblindToken(publicKey, pending, bytesToBase64(blindSig));
    const finalized = await tokenSuite().finalize(publicKey, base64ToBytes(pending.msg), tokenInfo(7, 4), blindSig, base64ToBytes(pending.inv));
    expect(token.sig).toBe(bytesToBase64(finalized));
    expect(await verifyToken(publicKey, token)).toBe(true);
    expect(await verifyToken(publicKey, { ...token, epoch: 8 })).toBe(false);
    expect(await verifyToken(publicKey, { ...token, denomination: 2 })).toBe(false);
  }, 60_000);
});

describe('the dashboard’s token summary', () => {
  const token = (epoch: number, denomination: number) => ({ epoch, denomination, msg: `${epoch}-${denomination}-${Math.random()}`, sig: '', obtainedAt: 0 });

  it('counts tokens and worth per epoch, redeemable only once the epoch has ended, with its anonymity set', () => {
    const summary = tokenSummary(
      [token(1, 4), token(1, 1), token(2, 8)],
      [
        { epoch: 1, startsAt: 0, endsAt: 1000, closed: false, devices: 12 },
        { epoch: 2, startsAt: 1000, endsAt: 2000, closed: false, devices: 3 },
      ],
      1500,
    );
    expect(summary).toEqual({
      count: 3,
      units: 13,
      redeemable: { count: 2, units: 5 },
      epochs: [
        { epoch: 1, count: 2, units: 5, endsAt: 1000, closed: true, devices: 12 },
        { epoch: 2, count: 1, units: 8, endsAt: 2000, closed: false, devices: 3 },
      ],
    });
  });

  it('keeps tokens of an epoch the collector has not described yet unredeemable', () => {
    expect(tokenSummary([token(5, 2)], [], 10 ** 13).redeemable).toEqual({ count: 0, units: 0 });
  });
});
