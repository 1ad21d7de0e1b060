// The community model of a release: a topic classifier trained only from the release's own records
// (their embeddings, labelled with their topics), exported to ONNX and described by a model card
// with its accuracy on a held-back part of the release. Deterministic: the same release, the same bytes.
import { jsonBlock, rawBlock, type Block, type ModelCard, type ModelRef, type ReleaseRecord } from '../../../utils/release/format';
import { argmax, predict, type LinearModel } from '../../../utils/release/linear-model';
import { linearClassifierOnnx } from '../../../utils/release/onnx';

const EPOCHS = 300;
const LEARNING_RATE = 0.5;
const L2 = 1e-4;
/** Every HOLD_OUT-th record of each topic is held back from training and used to measure accuracy. */
const HOLD_OUT = 5;

/** Multinomial logistic regression by full-batch gradient descent from zero weights (no randomness). */
export function trainLinear(xs: readonly (readonly number[])[], ys: readonly number[], dims: number, labels: string[]): LinearModel {
  const C = labels.length;
  const model: LinearModel = { dims, labels, weights: new Float32Array(dims * C), bias: new Float32Array(C) };
  const w = new Float64Array(dims * C);
  const b = new Float64Array(C);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const gw = new Float64Array(dims * C);
    const gb = new Float64Array(C);
    xs.forEach((x, i) => {
      const logits = Array.from({ length: C }, (_, c) => {
        let s = b[c]!;
        for (let d = 0; d < dims; d++) s += x[d]! * w[d * C + c]!;
        return s;
      });
      const max = Math.max(...logits);
      const exp = logits.map((l) => Math.exp(l - max));
      const sum = exp.reduce((a, v) => a + v, 0);
      for (let c = 0; c < C; c++) {
        const g = exp[c]! / sum - (ys[i] === c ? 1 : 0);
        gb[c]! += g;
        for (let d = 0; d < dims; d++) gw[d * C + c]! += g * x[d]!;
      }
    });
    for (let j = 0; j < w.length; j++) w[j]! -= LEARNING_RATE * (gw[j]! / xs.length + L2 * w[j]!);
    for (let c = 0; c < C; c++) b[c]! -= (LEARNING_RATE * gb[c]!) / xs.length;
  }
  model.weights.set(w);
  model.bias.set(b);
  return model;
}

export interface TrainedModel {
  model: LinearModel;
  embeddingModel: string;
  train: number;
  heldOut: number;
  heldOutAccuracy: number;
}

/** Null when the release has fewer than two topics with a record to train on and one to hold back. */
export function trainTopicModel(records: readonly ReleaseRecord[]): TrainedModel | null {
  // One embedding space per classifier: the release's most common embedding model.
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.model, (counts.get(r.model) ?? 0) + 1);
  const embeddingModel = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const usable = records.filter((r) => r.model === embeddingModel);
  const byTopic = new Map<string, ReleaseRecord[]>();
  for (const r of usable) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
  const labels = [...byTopic.keys()].filter((t) => byTopic.get(t)!.length >= 2).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  if (!embeddingModel || labels.length < 2) return null;
  const dims = usable[0]!.embedding.length;
  const train: { x: number[]; y: number }[] = [];
  const test: { x: number[]; y: number }[] = [];
  labels.forEach((t, y) =>
    byTopic.get(t)!.forEach((r, i) => (i % HOLD_OUT === HOLD_OUT - 1 || (i === 1 && byTopic.get(t)!.length < HOLD_OUT) ? test : train).push({ x: r.embedding, y })),
  );
  const model = trainLinear(
    train.map((s) => s.x),
    train.map((s) => s.y),
    dims,
    labels,
  );
  const correct = test.filter((s) => argmax(predict(model, s.x)) === s.y).length;
  return { model, embeddingModel, train: train.length, heldOut: test.length, heldOutAccuracy: Number((correct / test.length).toFixed(4)) };
}

/** The model's blocks (ONNX, model card) and the manifest's reference to them. */
export async function communityModel(
  records: readonly ReleaseRecord[],
  topicTerms: (topic: string) => string[],
): Promise<{ blocks: Block[]; ref: ModelRef } | null> {
  const trained = trainTopicModel(records);
  if (!trained) return null;
  const { model } = trained;
  const onnx = await rawBlock(linearClassifierOnnx(model.weights, model.bias, model.dims, model.labels.length, 'tributary-release'));
  const card = await jsonBlock({
    v: 1,
    name: 'tributary-topic-classifier',
    task: 'Topic of a text from its sentence embedding, among the topics of this release',
    architecture: 'Linear softmax classifier: probabilities = softmax(embedding · W + b); ONNX opset 13, input embedding [n, dims] float32, output probabilities [n, labels]',
    training: `Multinomial logistic regression, full-batch gradient descent from zero weights, ${EPOCHS} epochs, learning rate ${LEARNING_RATE}, L2 ${L2}; trained only on this release's records`,
    embeddingModel: trained.embeddingModel,
    dims: model.dims,
    labels: model.labels.map((topic) => ({ topic, terms: topicTerms(topic) })),
    split: { rule: `every ${HOLD_OUT}th record of each topic (the 2nd of a topic with fewer) is held back`, train: trained.train, heldOut: trained.heldOut },
    heldOutAccuracy: trained.heldOutAccuracy,
    limitations: 'Knows only the topics of this release; topics are embedding clusters, so accuracy measures agreement with the clustering, not with human labels.',
  } satisfies ModelCard);
  return {
    blocks: [onnx, card],
    ref: {
      onnx: onnx.cid,
      card: card.cid,
      labels: model.labels,
      dims: model.dims,
      embeddingModel: trained.embeddingModel,
      heldOutAccuracy: trained.heldOutAccuracy,
    },
  };
}
