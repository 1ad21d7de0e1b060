// The community model of a multi-topic release: 120 reading records of six stories (hand-written,
// test/fixtures/release-topics.txt), embedded by the extension's embedding model (onnxruntime-node),
// each sent by its own device, released under k = 3 at the collector's topic threshold. The release
// verifies, and its model card gives the model's accuracy on the records held back from training.
// The figures in the READMEs come from this test:
//   npx vitest run --project collector collector/test/release-model.test.ts
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CarBlockIterator } from '@ipld/car';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJson, modelCardSchema } from '../../utils/release/format';
import { verifyRelease } from '../../utils/release/verify';
import { encodeVectorB64, generateDeviceKeyPair } from '../../utils/wire/index';
import { makePlaintext, makeSignal } from '../../test/unit/wire/fixtures';
import { nativeEmbedder } from '../src/compute/embedder';
import { loadConfig } from '../src/config';
import { buildDataset } from '../src/export/dataset';
import { embeddedPolicy, fixedPolicySource } from '../src/policy/in-force';
import { trainTopicModel } from '../src/releases/model';
import { startHarness, type Harness } from './harness';

const K = 3;

/** Each story's headlines × its excerpts: 6 stories × 5 × 4 = 120 distinct texts, the stories interleaved. */
function readings(): { story: number; title: string; text: string }[] {
  const stories = readFileSync(resolve(import.meta.dirname, '../../test/fixtures/release-topics.txt'), 'utf8')
    .split(/\n\s*\n/)
    .map((block) => block.split('\n'))
    .map((lines) => ({
      titles: lines.filter((l) => l.startsWith('title: ')).map((l) => l.slice(7)),
      texts: lines.filter((l) => l.startsWith('text: ')).map((l) => l.slice(6)),
    }))
    .filter((s) => s.titles.length);
  const out: { story: number; title: string; text: string }[] = [];
  for (let t = 0; t < 5; t++) {
    for (let e = 0; e < 4; e++) stories.forEach((s, story) => out.push({ story, title: s.titles[t]!, text: `${s.titles[t]} ${s.texts[e]}` }));
  }
  return out;
}

let h: Harness;
const records = readings();
let embeddings: Float32Array[];

beforeAll(async () => {
  const embedder = nativeEmbedder();
  embeddings = await embedder.embed(records.map((r) => r.text));
  const policy = embeddedPolicy(loadConfig({}).rewards, null);
  h = await startHarness({ COLLECTOR_RATE_IP_PER_MIN: '1000000' }, undefined, {
    policy: fixedPolicySource({ ...policy, rules: { ...policy.rules, minK: K } }),
  });
  for (const [i, r] of records.entries()) {
    const key = generateDeviceKeyPair();
    const signal = makeSignal({
      // Releases read signals in id order, which orders the topic clustering: fixed ids, the same release every run.
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      origin: 'https://news.example',
      title: r.title,
      text: r.text,
      entities: [],
      embedding: encodeVectorB64(Array.from(embeddings[i]!)),
      models: { embed: embedder.model.id, ner: 'tributary-pii-ner-minilm-l6-v2' },
    });
    await h.submit(makePlaintext(key, { signals: [signal] }), key);
  }
}, 120_000);

afterAll(async () => h?.close());

describe('a release of six stories read on 120 devices', () => {
  it("carries a community model whose card gives its accuracy on the held-back records, at the collector's topic threshold", async () => {
    const { release } = await h.app.cutRelease();
    const res = await h.app.inject({ method: 'GET', url: `/ipfs/${release.manifestCid}?format=car` });
    const car = await CarBlockIterator.fromBytes(res.rawPayload);
    const blocks = new Map<string, Uint8Array>();
    for await (const b of car) blocks.set(b.cid.toString(), b.bytes);
    const report = await verifyRelease(release.manifestCid, blocks, { receiptPub: h.keys.receipt.publicKey, minK: K });
    expect(report.failures).toEqual([]);

    const manifest = report.manifest!;
    const card = modelCardSchema.parse(decodeJson(blocks.get(manifest.model!.card.toString())!));
    const topics = Object.values(manifest.topics);
    console.info(
      `threshold ${h.config.releaseTopicThreshold}: ${report.records} records in ${topics.length} topics (${120 - report.records} withheld for k = ${K}); ` +
        `model trained on ${card.split.train}, held back ${card.split.heldOut}: accuracy ${card.heldOutAccuracy}; CAR ${res.rawPayload.length} bytes`,
    );
    expect(card.heldOutAccuracy).toBe(manifest.model!.heldOutAccuracy);
    expect(card.labels.map((l) => l.topic)).toEqual(manifest.model!.labels);
    expect(card.labels).toHaveLength(topics.length);
    expect(topics.length).toBeGreaterThanOrEqual(6);
    expect(card.split.heldOut).toBeGreaterThanOrEqual(20);
    // Far above guessing the largest topic (under 0.1 of the records).
    expect(card.heldOutAccuracy).toBeGreaterThanOrEqual(0.5);
  });

  it('tells the six stories apart when topics are as wide as the stories', () => {
    // At a threshold where each story is one topic, the held-back records of each story are new texts of it.
    const signals = records.map((r, i) => ({
      devicePub: `device-${i}`,
      origin: 'https://news.example',
      text: r.text,
      embedding: Array.from(embeddings[i]!),
      model: 'm',
      lang: 'en',
      visitedAt: 0,
    }));
    const { records: released } = buildDataset(signals, { k: K, threshold: 0.5 });
    const trained = trainTopicModel(released)!;
    console.info(`threshold 0.5: ${released.length} records in ${trained.model.labels.length} topics; held back ${trained.heldOut}: accuracy ${trained.heldOutAccuracy}`);
    expect(trained.model.labels).toHaveLength(6);
    // Each topic is one story.
    const storyOf = new Map(records.map((r) => [r.text, r.story]));
    const topicStories = new Map<string, Set<number>>();
    for (const r of released) topicStories.set(r.topic, (topicStories.get(r.topic) ?? new Set()).add(storyOf.get(r.text)!));
    expect([...topicStories.values()].every((s) => s.size === 1)).toBe(true);
    expect(trained.heldOut).toBeGreaterThanOrEqual(20);
    expect(trained.heldOutAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
