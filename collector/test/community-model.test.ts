// The community model of a release: trained from the release's records only, exported to ONNX that
// onnxruntime runs with the same answers, its held-out accuracy in the model card.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import type { ReleaseRecord } from '../../utils/release/format';
import { predict } from '../../utils/release/linear-model';
import { readLinearClassifier } from '../../utils/release/onnx';
import { communityModel, trainTopicModel } from '../src/releases/model';

const DIMS = 16;
/** A fixed pseudo-random sequence, so the test's data are the same every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) - 0.5;
}

function records(topics: number, perTopic: number, noise: number): ReleaseRecord[] {
  const rnd = lcg(7);
  return Array.from({ length: topics * perTopic }, (_, i) => {
    const t = i % topics;
    return {
      topic: `t${t}`,
      text: `text ${i}`,
      embedding: Array.from({ length: DIMS }, (_, d) => (d === t * 3 ? 1 : 0) + rnd() * noise),
      model: 'embed-model',
      lang: 'en',
      day: '2026-12-01',
      origin: 'other',
    };
  });
}

describe('community model', () => {
  it('learns the topics of the release and reports its accuracy on the held-back records', () => {
    const trained = trainTopicModel(records(3, 20, 0.6))!;
    expect(trained.model.labels).toEqual(['t0', 't1', 't2']);
    expect(trained).toMatchObject({ train: 48, heldOut: 12, embeddingModel: 'embed-model' });
    expect(trained.heldOutAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('is not trained from a release with a single topic', () => {
    expect(trainTopicModel(records(1, 10, 0.1))).toBeNull();
  });

  it('is the same ONNX bytes for the same release, and onnxruntime gives the probabilities the trainer does', async () => {
    const data = records(3, 20, 0.6);
    const a = (await communityModel(data, (t) => [`term-${t}`]))!;
    const b = (await communityModel(data, (t) => [`term-${t}`]))!;
    expect(a.ref.onnx.toString()).toBe(b.ref.onnx.toString());
    expect(a.ref).toMatchObject({ labels: ['t0', 't1', 't2'], dims: DIMS, embeddingModel: 'embed-model' });

    const session = await ort.InferenceSession.create(a.blocks[0]!.bytes);
    const xs = data.slice(0, 6).map((r) => r.embedding);
    const out = await session.run({ embedding: new ort.Tensor('float32', Float32Array.from(xs.flat()), [xs.length, DIMS]) });
    const probs = out.probabilities!.data as Float32Array;
    const trained = trainTopicModel(data)!;
    xs.forEach((x, i) => {
      const expected = predict(trained.model, x);
      expected.forEach((p, c) => expect(probs[i * 3 + c]).toBeCloseTo(p, 4));
    });
    const card = JSON.parse(new TextDecoder().decode(a.blocks[1]!.bytes));
    expect(card).toMatchObject({ heldOutAccuracy: a.ref.heldOutAccuracy, labels: [{ topic: 't0', terms: ['term-t0'] }, { topic: 't1' }, { topic: 't2' }] });
  });

  it('is read back from its ONNX bytes as the same weights, and any other graph is refused', async () => {
    const trained = trainTopicModel(records(3, 20, 0.6))!.model;
    const onnx = (await communityModel(records(3, 20, 0.6), () => []))!.blocks[0]!.bytes;
    expect(readLinearClassifier(onnx)).toEqual({ dims: DIMS, classes: 3, weights: trained.weights, bias: trained.bias });

    // The same weights under another activation (same length, so the protobuf stays well-formed): onnxruntime runs it, the reader refuses it.
    const hardmax = Uint8Array.from(Buffer.from(Buffer.from(onnx).toString('latin1').replaceAll('Softmax', 'Hardmax'), 'latin1'));
    await expect(ort.InferenceSession.create(hardmax)).resolves.toBeDefined();
    expect(() => readLinearClassifier(hardmax)).toThrow('not a linear softmax classifier');
    expect(() => readLinearClassifier(onnx.subarray(0, onnx.length - 7))).toThrow();
  });
});
