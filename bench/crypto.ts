/**
 * seal + sign of one 20-signal bundle (the extension's `sealBundle`: validate, JSON, nacl.box with a
 * fresh ephemeral key, base64, sha256 of the ciphertext, canonical encoding, Ed25519 sign) against
 * the raw primitives on the same bytes: one nacl.box and one Ed25519 sign.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import nacl from 'tweetnacl';
import { envelopeSigningBytes, generateDeviceKeyPair, generateEncryptionKeyPair, sealBundle, utf8Encode } from '../utils/wire/index';
import { benchBundle } from './lib/bundles';
import type { Figure } from './lib/report';
import { median, round } from './lib/stats';

const ROUNDS = 5;
const PER_ROUND = 2;

/** Median over rounds of the mean µs per call within a round (a round smooths timer granularity). */
function microsPerCall(fn: () => void): number {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < PER_ROUND; i++) fn();
    rounds.push(Number(process.hrtime.bigint() - start) / 1000 / PER_ROUND);
  }
  return median(rounds);
}

export function benchCrypto(): Figure[] {
  const device = generateDeviceKeyPair();
  const collector = generateEncryptionKeyPair();
  const key = { collectorPub: collector.publicKey, collectorKeyId: collector.keyId };
  const bundle = benchBundle(device.publicKey);
  const plainBytes = utf8Encode(JSON.stringify(bundle));
  const sample = sealBundle(bundle, key, device.secretKey);
  const { sig: _sig, ...unsigned } = sample;
  const signingBytes = envelopeSigningBytes(unsigned);
  const nonce = nacl.randomBytes(nacl.box.nonceLength);
  const ephemeral = nacl.box.keyPair();

  const raw = () => {
    nacl.box(plainBytes, nonce, collector.publicKey, ephemeral.secretKey);
    ed25519.sign(signingBytes, device.secretKey);
  };
  const seal = () => sealBundle(bundle, key, device.secretKey);
  // Interleaved A/B/A/B so drift in machine load hits both sides alike.
  const sealUs: number[] = [];
  const rawUs: number[] = [];
  seal();
  raw();
  for (let i = 0; i < 3; i++) {
    sealUs.push(microsPerCall(seal));
    rawUs.push(microsPerCall(raw));
  }
  const sealed = median(sealUs);
  const primitives = median(rawUs);
  const note = `${bundle.signals.length} signals, ${(plainBytes.length / 1024).toFixed(0)} KiB plaintext`;
  return [
    { key: 'seal_sign_us', value: round(sealed, 0), unit: 'µs', note: `sealBundle, ${note}` },
    { key: 'crypto_primitives_us', value: round(primitives, 0), unit: 'µs', note: 'one nacl.box of the same bytes + one Ed25519 sign' },
    { key: 'seal_vs_primitives', value: round(sealed / primitives, 2), unit: 'x', note: 'seal_sign_us / crypto_primitives_us (overhead factor; 1 = no overhead)' },
  ];
}
