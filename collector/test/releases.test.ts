// Dataset releases: cut from the live signals, served by the collector's IPFS node over the trustless
// gateway routes, checked by verifyRelease (and `npm run verify`), superseded after a deletion.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CarBlockIterator } from '@ipld/car';
import Fastify from 'fastify';
import type { CID } from 'multiformats/cid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cborBlock, decodeCbor, rawBlock, recordsJsonl, manifestSchema, type Manifest } from '../../utils/release/format';
import { manifestLogFailures } from '../../utils/release/log-inclusion';
import { verifyRelease } from '../../utils/release/verify';
import { releaseLogProofSchema, type ReleaseLogProof } from '../../utils/collector-api/releases';
import { encodeVectorB64, generateDeviceKeyPair, signDeletionRequest, type DeviceKeyPair } from '../../utils/wire/index';
import { makePlaintext, makeSignal } from '../../test/unit/wire/fixtures';
import { loadConfig } from '../src/config';
import { embeddedPolicy, fixedPolicySource } from '../src/policy/in-force';
import { gatewayRoutes } from '../src/ipfs/gateway';
import { buildRelease } from '../src/releases/build';
import { startHarness, tempDir, type Harness } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');
const DIMS = 16;
const K = 3;

function near(axis: number): number[] {
  return Array.from({ length: DIMS }, (_, i) => (i === axis ? 1 : 0) + (Math.random() - 0.5) * 0.1);
}

let h: Harness;
let receiptPub: string;
const devices: DeviceKeyPair[] = [];

async function contribute(axis: number, text: string): Promise<void> {
  const key = generateDeviceKeyPair();
  const signal = makeSignal({ embedding: encodeVectorB64(near(axis)), origin: 'https://shared.example', text });
  await h.submit(makePlaintext(key, { signals: [signal] }), key);
  devices.push(key);
}

async function carBlocks(cid: string): Promise<Map<string, Uint8Array>> {
  const res = await h.app.inject({ method: 'GET', url: `/ipfs/${cid}`, headers: { accept: 'application/vnd.ipld.car' } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('application/vnd.ipld.car');
  const car = await CarBlockIterator.fromBytes(res.rawPayload);
  expect((await car.getRoots()).map(String)).toEqual([cid]);
  const blocks = new Map<string, Uint8Array>();
  for await (const b of car) blocks.set(b.cid.toString(), b.bytes);
  return blocks;
}

async function logProof(cid: string): Promise<ReleaseLogProof> {
  const res = await h.app.inject({ method: 'GET', url: `/v1/releases/${cid}/log-proof` });
  expect(res.statusCode).toBe(200);
  return releaseLogProofSchema.parse(res.json());
}

/** The same release with its manifest changed (and so under a new CID). */
async function withManifest(blocks: Map<string, Uint8Array>, cid: string, change: (m: Manifest) => Manifest): Promise<{ cid: string; blocks: Map<string, Uint8Array> }> {
  const manifest = manifestSchema.parse(decodeCbor(blocks.get(cid)!));
  const block = await cborBlock(change(manifest));
  const copy = new Map(blocks);
  copy.delete(cid);
  copy.set(block.cid.toString(), block.bytes);
  return { cid: block.cid.toString(), blocks: copy };
}

let first: string;
let address: string;
let current: string;

const verify = (cid: string, gateway: string, collector = gateway) =>
  promisify(execFile)(resolve(ROOT, 'node_modules/.bin/tsx'), ['cli/verify.ts', cid, '--gateway', gateway, '--collector', collector], { cwd: ROOT }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );

beforeAll(async () => {
  // The community's rules with a k small enough for a handful of test devices.
  const policy = embeddedPolicy(loadConfig({}).rewards, null);
  h = await startHarness({}, undefined, { policy: fixedPolicySource({ ...policy, rules: { ...policy.rules, minK: K } }) });
  receiptPub = h.keys.receipt.publicKey;
  for (let i = 0; i < 4; i++) await contribute(0, `rivers and boats on the delta, part ${i}`);
  for (let i = 0; i < 2; i++) await contribute(5, `chess openings and endgames, part ${i}`);
  const { release, cut } = await h.app.cutRelease();
  expect(cut).toBe(true);
  first = release.manifestCid;
});

afterAll(async () => h?.close());

describe('a release', () => {
  it('holds the topics from at least k devices, verifies, and its manifest CID is in the signed log', async () => {
    const blocks = await carBlocks(first);
    const report = await verifyRelease(first, blocks, { receiptPub, minK: K });
    expect(report.failures).toEqual([]);
    expect(report.records).toBe(4);
    expect(Object.keys(report.manifest!.topics)).toEqual(['t0']);
    expect(report.manifest!.topics.t0).toMatchObject({ records: 4, devices: 4 });
    expect(report.manifest!.topics.t0!.terms).toContain('rivers');
    expect(report.recordList.every((r) => r.text.startsWith('rivers'))).toBe(true);
    // Nothing that names a device anywhere in the release's bytes.
    const all = Buffer.concat([...blocks.values()]).toString('latin1');
    for (const d of devices) expect(all).not.toContain(d.publicKey);

    const latest = (await h.app.inject({ method: 'GET', url: '/v1/transparency/roots/latest' })).json();
    expect(latest.epoch).toBe(report.manifest!.log.epoch + 1);
    const leaves = await h.query('SELECT bundle_id, cid FROM transparency_leaves WHERE epoch = ?', latest.epoch);
    expect(leaves).toContainEqual({ bundle_id: 'release/1', cid: first });
    // The collector proves it: the manifest's CID is a leaf of that epoch's signed root.
    const logged = await logProof(first);
    expect(logged.root).toEqual(latest);
    expect(logged.proof).toMatchObject({ epoch: latest.epoch, cid: first });
    expect(manifestLogFailures(first, report.manifest!, logged, receiptPub)).toEqual([]);
  });

  it('is served block by block by the trustless gateway', async () => {
    const raw = await h.app.inject({ method: 'GET', url: `/ipfs/${first}?format=raw` });
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toBe('application/vnd.ipld.raw');
    const manifest = manifestSchema.parse(decodeCbor(raw.rawPayload));
    const croissant = await h.app.inject({ method: 'GET', url: `/ipfs/${manifest.croissant}` });
    expect(croissant.json()).toMatchObject({ '@type': 'sc:Dataset', 'rai:dataCollectionType': expect.any(Array) });
    const card = (await h.app.inject({ method: 'GET', url: `/ipfs/${manifest.diversity}` })).json();
    expect(card).toMatchObject({ records: 4, withheldForK: { records: 2 }, concentration: { top10OriginShare: 1 } });
    expect((await h.app.inject({ method: 'GET', url: '/ipfs/not-a-cid' })).statusCode).toBe(400);
    const unknown = await rawBlock(new TextEncoder().encode('never released'));
    expect((await h.app.inject({ method: 'GET', url: `/ipfs/${unknown.cid}` })).statusCode).toBe(404);
  });
});

describe('the Croissant description', () => {
  // mlcroissant comes from PyPI (scripts/croissant-tools.sh, run by .ci/run); without it this test fails, never skips.
  const MLCROISSANT = resolve(ROOT, '.venv/croissant/bin/mlcroissant');

  it('passes mlcroissant validate with 0 errors, and describes the records file by its sha256', async () => {
    expect(existsSync(MLCROISSANT), 'mlcroissant is missing: run bash scripts/croissant-tools.sh').toBe(true);
    const blocks = await carBlocks(first);
    const report = await verifyRelease(first, blocks, { receiptPub });
    // verifyRelease checks the description's sha256 against the records.
    expect(report.failures).toEqual([]);
    const dir = tempDir();
    try {
      writeFileSync(join(dir, 'croissant.json'), blocks.get(report.manifest!.croissant.toString())!);
      writeFileSync(join(dir, 'records.jsonl'), recordsJsonl(report.recordList));
      const run = await promisify(execFile)(MLCROISSANT, ['validate', '--jsonld', join(dir, 'croissant.json')], { cwd: dir }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
      expect(run.out).toContain('Done.');
      expect(run.out).not.toMatch(/error|warning/i);
      expect(run.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('verify refuses', () => {
  it('a tampered block', async () => {
    const blocks = await carBlocks(first);
    const manifest = manifestSchema.parse(decodeCbor(blocks.get(first)!));
    const page = decodeCbor(blocks.get(manifest.records.pages[0]!.toString())!) as { records: CID[] };
    const target = page.records[0]!.toString();
    const bytes = new Uint8Array(blocks.get(target)!);
    bytes[bytes.length - 3]! ^= 0x01;
    blocks.set(target, bytes);
    const report = await verifyRelease(first, blocks, { receiptPub });
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual([`block ${target} does not match its CID: its content was altered`]);
  });

  it('a manifest whose log root the collector did not sign', async () => {
    const forged = await withManifest(await carBlocks(first), first, (m) => ({ ...m, log: { ...m.log, root: 'ab'.repeat(32) } }));
    const report = await verifyRelease(forged.cid, forged.blocks, { receiptPub });
    expect(report.failures).toEqual([`the manifest's transparency-log root (epoch ${report.manifest!.log.epoch}) is not signed by the collector's receipt key`]);
  });

  it('a manifest the signed log does not hold', async () => {
    // A copy of the release with one record fewer, under the collector's real signed root: never cut, never logged.
    const m = manifestSchema.parse(decodeCbor((await carBlocks(first)).get(first)!));
    const forged = await withManifest(await carBlocks(first), first, (x) => ({ ...x, records: { ...x.records, count: x.records.count - 1 } }));
    const res = await h.app.inject({ method: 'GET', url: `/v1/releases/${forged.cid}/log-proof` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_in_log');
    expect(manifestLogFailures(forged.cid, m, null, receiptPub)).toEqual([`the collector's transparency log does not hold manifest ${forged.cid}`]);
    // Nor does the real manifest's proof make the copy logged.
    const logged = await logProof(first);
    expect(manifestLogFailures(forged.cid, m, { ...logged, proof: { ...logged.proof, cid: forged.cid } }, receiptPub)).toEqual([
      `the manifest's CID is not in the collector's signed log root of epoch ${logged.root.epoch}: its inclusion proof does not verify`,
    ]);
    expect((await h.app.inject({ method: 'GET', url: '/v1/releases/not-a-cid/log-proof' })).statusCode).toBe(400);
  });

  it('a log proof whose root the collector did not sign, or that predates the release', async () => {
    const m = manifestSchema.parse(decodeCbor((await carBlocks(first)).get(first)!));
    const logged = await logProof(first);
    const otherRoot = { ...logged, root: { ...logged.root, root: 'cd'.repeat(32) } };
    expect(manifestLogFailures(first, m, otherRoot, receiptPub)).toEqual([
      `the log root (epoch ${logged.root.epoch}) said to hold the manifest is not signed by the collector's receipt key`,
    ]);
    expect(manifestLogFailures(first, { log: { ...m.log, epoch: logged.root.epoch } }, logged, receiptPub)).toEqual([
      `the manifest is logged at epoch ${logged.root.epoch}, not after the epoch it was cut from (${logged.root.epoch})`,
    ]);
  });

  it('a topic under k', async () => {
    const under = await withManifest(await carBlocks(first), first, (m) => ({ ...m, topics: { t0: { ...m.topics.t0!, devices: 2 } } }));
    const report = await verifyRelease(under.cid, under.blocks, { receiptPub });
    expect(report.failures).toEqual([`topic t0 has 2 devices, under k = ${K}`]);
  });

  it('a record that carries a device identifier', async () => {
    const blocks = await carBlocks(first);
    const manifest = manifestSchema.parse(decodeCbor(blocks.get(first)!));
    const page = decodeCbor(blocks.get(manifest.records.pages[0]!.toString())!) as { records: CID[] };
    const record = decodeCbor(blocks.get(page.records[0]!.toString())!) as Record<string, unknown>;
    const leaky = await cborBlock({ ...record, devicePub: devices[0]!.publicKey });
    const leakyPage = await cborBlock({ records: [leaky.cid, ...page.records.slice(1)] });
    blocks.set(leaky.cid.toString(), leaky.bytes);
    blocks.set(leakyPage.cid.toString(), leakyPage.bytes);
    const changed = await withManifest(blocks, first, (m) => ({ ...m, records: { ...m.records, pages: [leakyPage.cid] } }));
    const report = await verifyRelease(changed.cid, changed.blocks, { receiptPub });
    expect(report.failures[0]).toBe(`record ${leaky.cid} carries fields a release never has (devicePub): possibly a device identifier`);
  });
});

describe('after a deletion', () => {
  it('the next release leaves the record out and supersedes the old one; npm run verify says so', async () => {
    const leaver = devices[0]!;
    const del = signDeletionRequest({ scope: { kind: 'all' }, ts: Date.now() }, leaver.secretKey);
    expect((await h.app.inject({ method: 'POST', url: '/v1/deletions', payload: del })).statusCode).toBe(200);
    const { release, cut } = await h.app.cutRelease();
    expect(cut).toBe(true);
    expect(release).toMatchObject({ seq: 2, parentCid: first, records: 3, recordsLeft: 1, supersededBy: null });
    const report = await verifyRelease(release.manifestCid, await carBlocks(release.manifestCid), { receiptPub, minK: K });
    expect(report.failures).toEqual([]);
    const card = (await h.app.inject({ method: 'GET', url: `/ipfs/${report.manifest!.diversity}` })).json();
    expect(card.sinceParent).toEqual({ parent: first, recordsLeft: 1, recordsAdded: 0 });

    const { releases } = (await h.app.inject({ method: 'GET', url: '/v1/releases' })).json();
    expect(releases.map((r: { manifestCid: string; supersededBy: string | null }) => [r.manifestCid, r.supersededBy])).toEqual([
      [release.manifestCid, null],
      [first, release.manifestCid],
    ]);
    // Nothing changed since: no new release.
    expect((await h.app.inject({ method: 'GET', url: '/v1/releases/latest' })).json().manifestCid).toBe(release.manifestCid);
    expect((await h.app.cutRelease()).cut).toBe(false);

    address = await h.app.listen({ port: 0, host: '127.0.0.1' });
    current = release.manifestCid;
    const current_ = await verify(release.manifestCid, address);
    expect(current_.out).toContain('status: current');
    expect(current_.out).toContain(`manifest in the signed transparency log at epoch ${(await logProof(release.manifestCid)).root.epoch}`);
    expect(current_.code).toBe(0);
    const old = await verify(first, address);
    expect(old.code).toBe(1);
    expect(old.out).toContain(`FAIL superseded by ${release.manifestCid}`);
  });
});

describe('records left since the parent release', () => {
  const base = async () => ({ policy: { minK: 2, license: 'CC-BY-4.0', cadenceMs: 1, topicThreshold: 0.8 }, log: await h.app.publishEpoch(), createdAt: 0 });
  const signal = (devicePub: string, text: string, embedding: number[]) => ({ devicePub, origin: 'https://shared.example', text, embedding, model: 'm', lang: 'en', visitedAt: 0 });

  it('counts identical records from several devices once each', async () => {
    // Devices that read the same page send the same anonymized text and embedding: the same record, one block.
    const embedding = near(3);
    const read = (d: string) => signal(d, 'the same page', embedding);
    const three = await buildRelease({ ...(await base()), seq: 1, signals: ['a', 'b', 'c'].map(read), parent: null });
    expect(three.manifest.records.count).toBe(3);
    expect(new Set(three.blocks.map((b) => b.cid.toString())).size).toBe(three.blocks.length - 2);
    expect(three).toMatchObject({ recordsLeft: 0, recordsAdded: 3 });
    const parent = { cid: three.manifestCid, contributions: three.contributions };
    expect(await buildRelease({ ...(await base()), seq: 2, signals: ['a', 'b'].map(read), parent })).toMatchObject({ recordsLeft: 1, recordsAdded: 0 });
    expect(await buildRelease({ ...(await base()), seq: 2, signals: ['a', 'b', 'c'].map(read), parent })).toMatchObject({ recordsLeft: 0, recordsAdded: 0 });
  });

  it('counts a record whose topic id changed as the same contribution', async () => {
    // Topic ids follow topic sizes: "boats" is t0 while it is the larger topic, t1 once two of its records are deleted.
    const boats = ['a', 'b', 'c', 'd'].map((d, i) => signal(d, `boats ${i}`, near(0)));
    const chess = ['a', 'b', 'c'].map((d, i) => signal(d, `chess ${i}`, near(5)));
    const before = await buildRelease({ ...(await base()), seq: 1, signals: [...boats, ...chess], parent: null });
    expect(before.manifest.topics).toMatchObject({ t0: { records: 4 }, t1: { records: 3 } });
    const after = await buildRelease({
      ...(await base()),
      seq: 2,
      signals: [...boats.slice(2), ...chess],
      parent: { cid: before.manifestCid, contributions: before.contributions },
    });
    expect(after.manifest.topics).toMatchObject({ t0: { records: 3 }, t1: { records: 2 } });
    expect(after).toMatchObject({ recordsLeft: 2, recordsAdded: 0 });
  });
});

describe('a second IPFS node', () => {
  it('fetches the release by CID from the collector, serves it, and it verifies from there', async () => {
    const dir = tempDir();
    const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['cli/ipfs-node.ts', '--from', address, '--pin', current, '--dir', dir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
      const second = JSON.parse(line) as { address: string; pinned: string[] };
      expect(second.pinned).toEqual([current]);
      expect(second.address).not.toBe(address);
      const result = await verify(current, second.address, address);
      expect(result.out).toContain('status: current');
      expect(result.code).toBe(0);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run verify on an altered copy', () => {
  /** A gateway holding exactly these blocks, as any third party's node could. */
  async function gatewayOf(blocks: Map<string, Uint8Array>): Promise<{ url: string; close: () => Promise<void> }> {
    const app = Fastify({ logger: false });
    app.register(gatewayRoutes({ has: async (cid) => blocks.has(cid.toString()), get: async (cid) => blocks.get(cid.toString())! }));
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return { url, close: () => app.close() };
  }

  it('fails, exit code 1, saying why: a tampered block, a log root the collector did not sign, a topic under k', async () => {
    const tampered = await carBlocks(current);
    const manifest = manifestSchema.parse(decodeCbor(tampered.get(current)!));
    const page = decodeCbor(tampered.get(manifest.records.pages[0]!.toString())!) as { records: CID[] };
    const target = page.records[0]!.toString();
    const bytes = new Uint8Array(tampered.get(target)!);
    bytes[bytes.length - 3]! ^= 0x01;
    tampered.set(target, bytes);
    const unsigned = await withManifest(await carBlocks(current), current, (m) => ({ ...m, log: { ...m.log, root: 'ab'.repeat(32) } }));
    const underK = await withManifest(await carBlocks(current), current, (m) => ({ ...m, topics: { t0: { ...m.topics.t0!, devices: K - 1 } } }));
    const cases = [
      { cid: current, blocks: tampered, says: `FAIL block ${target} does not match its CID: its content was altered` },
      { ...unsigned, says: `FAIL the manifest's transparency-log root (epoch ${manifest.log.epoch}) is not signed by the collector's receipt key` },
      { ...underK, says: `FAIL topic t0 has ${K - 1} devices, under k = ${K}` },
    ];
    const gateways = await Promise.all(cases.map((c) => gatewayOf(c.blocks)));
    try {
      const runs = await Promise.all(cases.map((c, i) => verify(c.cid, gateways[i]!.url, address)));
      runs.forEach((run, i) => {
        expect(run.out).toContain(cases[i]!.says);
        expect(run.out).toMatch(/^FAILED \(\d+\)$/m);
        expect(run.code).toBe(1);
      });
      // A manifest the collector never cut is not in its log either.
      expect(runs[2]!.out).toContain(`FAIL the collector's transparency log does not hold manifest ${underK.cid}`);
    } finally {
      await Promise.all(gateways.map((g) => g.close()));
    }
  });
});

describe('npm run release', () => {
  it("cuts a release from the collector's store under the policy in force (embedded: k = 10), superseding the current one", async () => {
    const run = await promisify(execFile)(resolve(ROOT, 'node_modules/.bin/tsx'), ['cli/release.ts'], {
      cwd: ROOT,
      env: { ...process.env, COLLECTOR_DATA_DIR: h.config.dataDir, ...(h.config.databaseUrl ? { DATABASE_URL: h.config.databaseUrl } : {}) },
    });
    const out = JSON.parse(run.stdout) as { manifestCid: string; seq: number; records: number; recordsLeft: number; cut: boolean };
    // Three devices are under the community's k of 10: nothing is released, the three records left.
    expect(out).toMatchObject({ seq: 3, records: 0, recordsLeft: 3, cut: true });
    const report = await verifyRelease(out.manifestCid, await carBlocks(out.manifestCid), { receiptPub, minK: 10 });
    expect(report.failures).toEqual([]);
    expect(report.k).toBe(10);
    const { releases } = (await h.app.inject({ method: 'GET', url: '/v1/releases' })).json();
    expect(releases[1]).toMatchObject({ manifestCid: current, supersededBy: out.manifestCid });
  });
});
