// The extension's side of the community model, against a release cut by a real collector: the device
// fetches the newest model from its collector, verifies it (blocks against their CIDs, the manifest's
// log root under the pinned receipt key, the ONNX graph), keeps it in IndexedDB and labels its own
// items with it; a tampered block or a manifest the collector's log does not vouch for is refused.
import 'fake-indexeddb/auto';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectorClient } from '../../utils/collector-client/client';
import { topicOf } from '../../utils/community-model/label';
import { readCommunityCheck, readCommunityModel, clearCommunityModel } from '../../utils/community-model/model-store';
import { refreshCommunityModel, type CommunitySource } from '../../utils/community-model/refresh';
import { cborBlock, decodeCbor, manifestSchema } from '../../utils/release/format';
import { openTributaryDb, type Db } from '../../utils/store/db';
import { encodeVectorB64, generateDeviceKeyPair } from '../../utils/wire/index';
import { makePlaintext, makeSignal } from '../../test/unit/wire/fixtures';
import { loadConfig } from '../src/config';
import { embeddedPolicy, fixedPolicySource } from '../src/policy/in-force';
import { startHarness, type Harness } from './harness';

const DIMS = 16;
const K = 3;
const EMBED_MODEL = 'Xenova/all-MiniLM-L6-v2';

/** A fixed pseudo-random sequence: the same release every run. */
let seed = 11;
const noise = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.2;
const near = (axis: number): number[] => Array.from({ length: DIMS }, (_, i) => (i === axis ? 1 : 0) + noise());

let h: Harness;
let receiptPub: string;
let database: Db;
let manifestCid: string;

/** The extension's own collector client, its requests answered by the collector in-process. */
function client(requests: string[] = []) {
  return collectorClient('http://collector.test', async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requests.push(url.pathname);
    const res = await h.app.inject({ method: (init?.method ?? 'GET') as 'GET', url: url.pathname + url.search, headers: init?.headers as Record<string, string> });
    return new Response(res.statusCode === 204 ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers: res.headers as Record<string, string> });
  });
}

/** The collector's answers, with one block replaced. */
function tampered(source: CommunitySource, cid: string, bytes: (original: Uint8Array) => Uint8Array): CommunitySource {
  return {
    latestRelease: () => source.latestRelease(),
    releaseLogProof: (c) => source.releaseLogProof(c),
    block: async (c) => (c === cid ? bytes(await source.block(c)) : source.block(c)),
  };
}

async function contribute(axis: number, text: string): Promise<void> {
  const key = generateDeviceKeyPair();
  const signals = [0, 1].map((i) => makeSignal({ embedding: encodeVectorB64(near(axis)), origin: 'https://shared.example', text: `${text}, note ${i}` }));
  await h.submit(makePlaintext(key, { signals }), key);
}

beforeAll(async () => {
  const policy = embeddedPolicy(loadConfig({}).rewards, null);
  h = await startHarness({}, undefined, { policy: fixedPolicySource({ ...policy, rules: { ...policy.rules, minK: K } }) });
  receiptPub = h.keys.receipt.publicKey;
  for (let i = 0; i < K; i++) await contribute(0, `rivers and boats on the delta, part ${i}`);
  for (let i = 0; i < K; i++) await contribute(5, `chess openings and endgames, part ${i}`);
  const { release } = await h.app.cutRelease();
  manifestCid = release.manifestCid;
  database = await openTributaryDb();
});

beforeEach(async () => clearCommunityModel(database));
afterAll(async () => h?.close());

const page = { title: 'A page', text: 'Its text' };

describe('the community model on the device', () => {
  it('is verified, kept, and labels the items by the topics of the release; the same function onnxruntime computes from the ONNX file', async () => {
    const check = await refreshCommunityModel(database, client(), receiptPub, 1000, 0);
    expect(check).toMatchObject({ result: 'verified', releaseCid: manifestCid, error: null });
    const model = (await readCommunityModel(database))!;
    expect(model).toMatchObject({ manifestCid, seq: 1, embeddingModel: EMBED_MODEL, dims: DIMS });
    expect(model.heldOutAccuracy).toBeGreaterThanOrEqual(0);

    const rivers = topicOf(model, { embedding: near(0), embedModel: EMBED_MODEL, redacted: page })!;
    const chess = topicOf(model, { embedding: near(5), embedModel: EMBED_MODEL, redacted: page })!;
    expect(rivers.terms).toContain('rivers');
    expect(chess.terms).toContain('chess');
    expect(rivers.topic).not.toBe(chess.topic);
    // Another embedding model's vectors are not in the model's space: no label rather than a wrong one.
    expect(topicOf(model, { embedding: near(0), embedModel: 'other/model', redacted: page })).toBeNull();
    // A visit without title or text (a reserved site, the text signal off) was embedded from nothing: no topic.
    expect(topicOf(model, { embedding: near(0), embedModel: EMBED_MODEL, redacted: { title: ' ', text: '' } })).toBeNull();

    const manifest = manifestSchema.parse(decodeCbor(await client().block(manifestCid)));
    const session = await ort.InferenceSession.create(await client().block(manifest.model!.onnx.toString()));
    const xs = [near(0), near(5), near(9)];
    const out = await session.run({ embedding: new ort.Tensor('float32', Float32Array.from(xs.flat()), [xs.length, DIMS]) });
    const probs = out.probabilities!.data as Float32Array;
    xs.forEach((x, i) => {
      const label = topicOf(model, { embedding: x, embedModel: EMBED_MODEL, redacted: page })!;
      const c = model.labels.indexOf(label.topic);
      expect(label.probability).toBeCloseTo(probs[i * model.labels.length + c]!, 4);
      expect(Math.max(...probs.slice(i * model.labels.length, (i + 1) * model.labels.length))).toBe(probs[i * model.labels.length + c]);
    });
  });

  it('is fetched once per release: a later check asks only for the current release', async () => {
    await refreshCommunityModel(database, client(), receiptPub, 1000, 0);
    const requests: string[] = [];
    await refreshCommunityModel(database, client(requests), receiptPub, 2000, 0);
    expect(requests).toEqual(['/v1/releases/latest']);
    // Within the interval, not even that.
    await refreshCommunityModel(database, client(requests), receiptPub, 2500, 1000);
    expect(requests).toHaveLength(1);
  });

  it('runs one check at a time: two at once download the model once, and both answer with it', async () => {
    const requests: string[] = [];
    const [engine, dashboard] = await Promise.all([
      refreshCommunityModel(database, client(requests), receiptPub, 1000, 60_000),
      refreshCommunityModel(database, client(requests), receiptPub, 1000, 0),
    ]);
    expect(engine).toMatchObject({ result: 'verified', releaseCid: manifestCid });
    expect(dashboard).toMatchObject({ result: 'verified', releaseCid: manifestCid });
    expect(requests.filter((r) => r.startsWith('/ipfs/'))).toHaveLength(3);
    expect(requests.filter((r) => r === '/v1/releases/latest')).toHaveLength(2);
  });

  it('refuses a tampered model block or model card', async () => {
    const manifest = manifestSchema.parse(decodeCbor(await client().block(manifestCid)));
    const onnx = manifest.model!.onnx.toString();
    const flipped = tampered(client(), onnx, (b) => b.map((x, i) => (i === b.length - 20 ? x ^ 1 : x)));
    const check = await refreshCommunityModel(database, flipped, receiptPub, 1000, 0);
    expect(check.result).toBe('failed');
    expect(check.error).toContain('does not match its CID');
    expect(await readCommunityModel(database)).toBeNull();

    const card = manifest.model!.card.toString();
    const badCard = tampered(client(), card, (b) => new TextEncoder().encode(new TextDecoder().decode(b).replace('"heldOutAccuracy": ', '"heldOutAccuracy": 0.99 + ')));
    expect(await refreshCommunityModel(database, badCard, receiptPub, 2000, 0)).toMatchObject({ result: 'failed' });
    expect(await readCommunityModel(database)).toBeNull();
  });

  it('refuses a manifest whose log root the pinned receipt key did not sign, and keeps the model it had', async () => {
    await refreshCommunityModel(database, client(), receiptPub, 500, 0);
    const manifest = manifestSchema.parse(decodeCbor(await client().block(manifestCid)));
    const forged = await cborBlock({ ...manifest, log: { ...manifest.log, root: '00'.repeat(32) } });
    const real = client();
    const source: CommunitySource = {
      latestRelease: async () => ({ ...(await real.latestRelease())!, manifestCid: forged.cid.toString() }),
      block: async (c) => (c === forged.cid.toString() ? forged.bytes : real.block(c)),
      releaseLogProof: (c) => real.releaseLogProof(c),
    };
    const check = await refreshCommunityModel(database, source, receiptPub, 1000, 0);
    expect(check).toMatchObject({ result: 'failed', releaseCid: forged.cid.toString() });
    expect(check.error).toContain("not signed by the collector's receipt key");
    expect((await readCommunityModel(database))?.manifestCid).toBe(manifestCid);

    // The genuine release under another receipt key than the one pinned: refused too.
    await clearCommunityModel(database);
    const other = generateDeviceKeyPair().publicKey;
    expect(await refreshCommunityModel(database, real, other, 2000, 0)).toMatchObject({ result: 'failed' });
    expect(await readCommunityModel(database)).toBeNull();
  });

  it("refuses a manifest whose log root is genuine but which the collector's signed log does not hold", async () => {
    const real = client();
    const manifest = manifestSchema.parse(decodeCbor(await real.block(manifestCid)));
    // Same signed log root, same model; a manifest the collector never committed to in its log.
    const unlogged = await cborBlock({ ...manifest, license: 'CC0-1.0' });
    const source: CommunitySource = {
      latestRelease: async () => ({ ...(await real.latestRelease())!, manifestCid: unlogged.cid.toString() }),
      block: async (c) => (c === unlogged.cid.toString() ? unlogged.bytes : real.block(c)),
      releaseLogProof: (c) => real.releaseLogProof(c),
    };
    const check = await refreshCommunityModel(database, source, receiptPub, 1000, 0);
    expect(check).toMatchObject({ result: 'failed', releaseCid: unlogged.cid.toString() });
    expect(check.error).toContain("the collector's transparency log does not hold manifest");
    expect(await readCommunityModel(database)).toBeNull();

    // The genuine manifest's proof offered for the other one does not verify either.
    const proof = await real.releaseLogProof(manifestCid);
    expect(proof).not.toBeNull();
    const lying = { ...source, releaseLogProof: async () => proof };
    expect((await refreshCommunityModel(database, lying, receiptPub, 2000, 0)).error).toContain('inclusion proof does not verify');
    expect(await readCommunityModel(database)).toBeNull();
  });

  it('says when the collector cannot be asked, and keeps what it verified before', async () => {
    await refreshCommunityModel(database, client(), receiptPub, 1000, 0);
    const offline = collectorClient('http://collector.test', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await refreshCommunityModel(database, offline, receiptPub, 2000, 0)).toMatchObject({ result: 'unreachable', releaseCid: null });
    expect(await readCommunityCheck(database)).toMatchObject({ result: 'unreachable' });
    expect((await readCommunityModel(database))?.manifestCid).toBe(manifestCid);
  });
});
