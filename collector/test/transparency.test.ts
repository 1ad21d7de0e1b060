// Content addresses and the transparency log, end to end through the HTTP API
// (runs on SQLite in the collector project and on PostgreSQL in collector-pg).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDeviceKeyPair, generateReceiptKeyPair, signDeletionRequest, utf8Encode, type DeviceKeyPair } from '../../utils/wire/index';
import { inclusionProofSchema, leafHash, signRoot, verifyInclusion, verifySignedRoot, type InclusionProof, type SignedRoot } from '../../utils/wire/merkle';
import { makePlaintext, seal } from '../../test/unit/wire/fixtures';
import { cidOf } from '../../utils/wire/cid';
import { TEMP_SUBDIR } from '../src/cas/blob-store';
import { buildServer } from '../src/server';
import { startHarness, type Harness } from './harness';

let h: Harness;
let device: DeviceKeyPair;

beforeEach(async () => {
  h = await startHarness();
  device = generateDeviceKeyPair();
});
afterEach(async () => h.close());

async function submit() {
  const plain = makePlaintext(device);
  const env = await h.submit(plain, device);
  return { bundleId: plain.bundleId, cid: cidOf(utf8Encode(JSON.stringify(env))), env };
}

const get = (url: string) => h.app.inject({ method: 'GET', url });

const latest = async () => (await get('/v1/transparency/roots/latest')).json() as SignedRoot;
const proofOf = async (bundleId: string) => (await get(`/v1/transparency/proof/${bundleId}`)).json() as InclusionProof;

describe('content-addressed bundles', () => {
  it('stores each envelope as a blob under its CIDv1 and records the CID with the bundle', async () => {
    const { bundleId, cid, env } = await submit();
    expect(cid).toMatch(/^bafkrei[a-z2-7]+$/);
    const [row] = await h.query('SELECT cid FROM bundles WHERE bundle_id = ?', bundleId);
    expect(row!.cid).toBe(cid);
    // The file holds the envelope sealed at rest; opened with the bundle's key, it is the envelope its name is the CID of.
    expect(readFileSync(join(h.config.blobDir, cid)).includes(env.ciphertext)).toBe(false);
    expect(await h.envelopeOf(bundleId)).toEqual(env);
    expect(cidOf(utf8Encode(JSON.stringify(await h.envelopeOf(bundleId))))).toBe(cid);
  });
});

describe('transparency log', () => {
  it('publishes a signed root whose inclusion proofs verify for every bundle', async () => {
    expect((await get('/v1/transparency/roots/latest')).statusCode).toBe(404);
    const bundles = [await submit(), await submit(), await submit()];
    const published = await h.app.publishEpoch();
    const root = await latest();
    expect(root).toEqual(published);
    expect(root).toMatchObject({ epoch: 1, size: 3, collectorKeyId: h.keys.receipt.keyId });
    expect(verifySignedRoot(root, h.keys.receipt.publicKey)).toBe(true);
    for (const b of bundles) {
      const proof = await proofOf(b.bundleId);
      expect(inclusionProofSchema.parse(proof)).toMatchObject({ epoch: 1, size: 3, cid: b.cid, root: root.root });
      expect(verifyInclusion(b.cid, proof, root)).toBe(true);
    }
  });

  it('rejects a tampered proof, a proof for another CID and a tampered or foreign root', async () => {
    const [a, b] = [await submit(), await submit(), await submit()];
    await h.app.publishEpoch();
    const root = await latest();
    const proof = await proofOf(a!.bundleId);
    expect(verifyInclusion(a!.cid, proof, root.root)).toBe(true);

    const flipped = [...proof.path];
    flipped[0] = flipped[0]!.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(verifyInclusion(a!.cid, { ...proof, path: flipped }, root.root)).toBe(false);
    expect(verifyInclusion(a!.cid, { ...proof, leafIndex: proof.leafIndex ^ 1 }, root.root)).toBe(false);
    // The size is pinned by the signed root (a 3-leaf path for leaf 0 also fits a 4-leaf tree).
    expect(verifyInclusion(a!.cid, proof, root)).toBe(true);
    expect(verifyInclusion(a!.cid, { ...proof, size: proof.size + 1 }, root)).toBe(false);
    expect(verifyInclusion(a!.cid, { ...proof, epoch: proof.epoch + 1 }, root)).toBe(false);
    expect(verifyInclusion(a!.cid, { ...proof, leafIndex: 2 }, root)).toBe(false);
    expect(verifyInclusion(a!.cid, { ...proof, path: proof.path.slice(1) }, root.root)).toBe(false);
    expect(verifyInclusion(b!.cid, proof, root.root)).toBe(false);
    const otherRoot = leafHash(b!.cid);
    expect(verifyInclusion(a!.cid, { ...proof, root: undefined }, otherRoot)).toBe(false);

    expect(verifySignedRoot({ ...root, size: root.size + 1 }, h.keys.receipt.publicKey)).toBe(false);
    expect(verifySignedRoot({ ...root, root: otherRoot }, h.keys.receipt.publicKey)).toBe(false);
    const { sig: _sig, v: _v, ...unsigned } = root;
    const forged = signRoot(unsigned, generateReceiptKeyPair().secretKey);
    expect(verifySignedRoot(forged, h.keys.receipt.publicKey)).toBe(false);
  });

  it('leaves a deleted bundle out: no proof, no blob, absent from the next epoch', async () => {
    const [gone, kept] = [await submit(), await submit()];
    await h.app.publishEpoch();
    const first = await latest();
    expect(verifyInclusion(gone!.cid, await proofOf(gone!.bundleId), first.root)).toBe(true);

    const del = signDeletionRequest({ scope: { kind: 'bundles', bundleIds: [gone!.bundleId] }, ts: Date.now() }, device.secretKey);
    expect((await h.app.inject({ method: 'POST', url: '/v1/deletions', payload: del })).statusCode).toBe(200);
    const after = await get(`/v1/transparency/proof/${gone!.bundleId}`);
    expect(after.statusCode).toBe(404);
    expect(after.json().error.code).toBe('not_in_log');
    expect(existsSync(join(h.config.blobDir, gone!.cid))).toBe(false);
    expect(existsSync(join(h.config.blobDir, kept!.cid))).toBe(true);

    await h.app.publishEpoch();
    const second = await latest();
    expect(second).toMatchObject({ epoch: 2, size: 1 });
    expect(verifySignedRoot(second, h.keys.receipt.publicKey)).toBe(true);
    const keptProof = await proofOf(kept!.bundleId);
    expect(keptProof).toMatchObject({ epoch: 2, leafIndex: 0, size: 1, cid: kept!.cid });
    expect(verifyInclusion(kept!.cid, keptProof, second.root)).toBe(true);
    // The deleted CID proves into neither the new root nor at the kept bundle's place.
    expect(verifyInclusion(gone!.cid, keptProof, second.root)).toBe(false);
    const leaves = await h.query('SELECT cid FROM transparency_leaves WHERE epoch = ?', 2);
    expect(leaves.map((l) => l.cid)).toEqual([kept!.cid]);
  });

  it('removes a deleted bundle’s blob at startup if a crash left it behind', async () => {
    const { bundleId, cid, env } = await submit();
    const del = signDeletionRequest({ scope: { kind: 'bundles', bundleIds: [bundleId] }, ts: Date.now() }, device.secretKey);
    expect((await h.app.inject({ method: 'POST', url: '/v1/deletions', payload: del })).statusCode).toBe(200);
    // As if the process died between the deletion's commit and the unlink.
    writeFileSync(join(h.config.blobDir, cid), JSON.stringify(env));
    const restarted = buildServer(h.config, { keys: h.keys });
    try {
      await restarted.ready();
      expect(existsSync(join(h.config.blobDir, cid))).toBe(false);
    } finally {
      await restarted.close();
    }
  });

  it('removes at startup what a crash left in the blob directory: temp files, whole or cut, and blobs no row names', async () => {
    const kept = await submit();
    // A put that completed, then the process died before the row committed; and two temp files (the
    // current place, cut short, and where earlier versions wrote them, complete).
    const uncommitted = utf8Encode(JSON.stringify(seal(makePlaintext(device), h.collector, device)));
    writeFileSync(join(h.config.blobDir, cidOf(uncommitted)), uncommitted);
    writeFileSync(join(h.config.blobDir, TEMP_SUBDIR, '4242-0a1b2c3d4e5f'), uncommitted.subarray(0, 100));
    writeFileSync(join(h.config.blobDir, '.tmp-4242-0a1b2c3d4e5f'), uncommitted);
    expect(h.blobFiles()).toHaveLength(4);
    const restarted = buildServer(h.config, { keys: h.keys });
    try {
      await restarted.ready();
      expect(h.blobFiles()).toEqual([kept.cid]);
    } finally {
      await restarted.close();
    }
  });

  it('removes temp files with a deletion, since one a crash left may hold the deleted envelope', async () => {
    const { bundleId, env } = await submit();
    writeFileSync(join(h.config.blobDir, TEMP_SUBDIR, '4242-0a1b2c3d4e5f'), JSON.stringify(env));
    const del = signDeletionRequest({ scope: { kind: 'bundles', bundleIds: [bundleId] }, ts: Date.now() }, device.secretKey);
    expect((await h.app.inject({ method: 'POST', url: '/v1/deletions', payload: del })).statusCode).toBe(200);
    expect(h.blobFiles()).toEqual([]);
  });

  it('answers 404 for a bundle not in any epoch and 400 for a malformed id', async () => {
    const { bundleId } = await submit();
    expect((await get(`/v1/transparency/proof/${bundleId}`)).statusCode).toBe(404);
    expect((await get('/v1/transparency/proof/not-a-uuid')).statusCode).toBe(400);
  });
});
