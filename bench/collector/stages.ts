/**
 * Where the collector's time per bundle goes, in-process and one bundle at a time (no concurrency):
 * JSON parse, authenticate (schema + sha256 + Ed25519 verify), open (X25519 + XSalsa20-Poly1305 + base64 +
 * JSON + plaintext schema), and the whole request through Fastify's inject (adds store + credit +
 * receipt + framework). Explains ingest_vs_echo; it is not itself a ratio.
 */
import { authenticateEnvelope, base64ToBytes, boxOpen, generateDeviceKeyPair, openEnvelope, sealBundle } from '../../utils/wire/index';
import { startHarness } from '../../collector/test/harness';
import { benchBundle } from '../lib/bundles';
import type { Figure } from '../lib/report';
import { median, round } from '../lib/stats';

const BUNDLES = 6;

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

export async function benchIngestStages(): Promise<Figure[]> {
  const harness = await startHarness({ COLLECTOR_RATE_IP_PER_MIN: '100000000', COLLECTOR_RATE_DEVICE_PER_MIN: '100000000' });
  try {
    const device = generateDeviceKeyPair();
    const key = { collectorPub: harness.collector.publicKey, collectorKeyId: harness.collector.keyId };
    const times = { parse: [] as number[], authenticate: [] as number[], open: [] as number[], decrypt: [] as number[], request: [] as number[] };
    for (let i = 0; i <= BUNDLES; i++) {
      const body = JSON.stringify(sealBundle(benchBundle(device.publicKey), key, device.secretKey));
      const [parsed, parse] = timed(() => JSON.parse(body) as unknown);
      const [env, authenticate] = timed(() => authenticateEnvelope(parsed));
      const [, open] = timed(() => openEnvelope(env, harness.collector.secretKey));
      // The decryption part of open alone: X25519 (node:crypto here), HSalsa20 + XSalsa20-Poly1305 (tweetnacl; node:crypto has no XSalsa20).
      const [, decrypt] = timed(() =>
        boxOpen(base64ToBytes(env.ciphertext), base64ToBytes(env.nonce), base64ToBytes(env.ephemeralPub), harness.collector.secretKey),
      );
      const start = performance.now();
      const reply = await harness.app.inject({ method: 'POST', url: '/v1/bundles', headers: { 'content-type': 'application/json' }, payload: body });
      const request = performance.now() - start;
      if (reply.statusCode !== 200) throw new Error(`collector answered ${reply.statusCode}: ${reply.body}`);
      // The first bundle warms up the code paths and the database.
      if (i === 0) continue;
      times.parse.push(parse);
      times.authenticate.push(authenticate);
      times.open.push(open);
      times.decrypt.push(decrypt);
      times.request.push(request);
    }
    const [parse, authenticate, open, decrypt, request] = [times.parse, times.authenticate, times.open, times.decrypt, times.request].map(median) as [number, number, number, number, number];
    return [
      { key: 'ingest_stage_json_parse_ms', value: round(parse, 1), unit: 'ms', note: 'JSON.parse of the envelope body' },
      { key: 'ingest_stage_authenticate_ms', value: round(authenticate, 1), unit: 'ms', note: 'envelope schema + sha256(ciphertext) + Ed25519 verify' },
      { key: 'ingest_stage_open_ms', value: round(open, 1), unit: 'ms', note: 'base64 decode + X25519 + XSalsa20-Poly1305 + JSON.parse + plaintext schema (20 binary embeddings)' },
      { key: 'ingest_stage_decrypt_ms', value: round(decrypt, 1), unit: 'ms', note: 'of open: base64 decode + X25519 (native) + XSalsa20-Poly1305 (tweetnacl) alone' },
      { key: 'ingest_request_ms', value: round(request, 1), unit: 'ms', note: `whole POST /v1/bundles in-process (inject), median of ${BUNDLES}` },
      { key: 'ingest_stage_rest_ms', value: round(request - parse - authenticate - open, 1), unit: 'ms', note: 'request − the stages above: store + credit + receipt + framework' },
    ];
  } finally {
    await harness.close();
  }
}
