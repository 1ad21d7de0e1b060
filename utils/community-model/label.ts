// An item's topic by the community model, computed on the device from the item's own embedding.
// The model is run as the formula its ONNX graph is: readLinearClassifier accepts only the graph
// softmax(x·W + b) and reads W and b from the verified bytes, so this is the same function onnxruntime
// computes from that file (collector/test/community-labels.test.ts compares them), without loading a
// WASM runtime into the background for one small matrix product per item.
import { argmax, predict } from '../release/linear-model';
import type { VerifiedModel } from './verify-model';

export interface TopicLabel {
  topic: string;
  /** The topic's top terms: what the dashboard shows as its label. */
  terms: string[];
  probability: number;
}

/**
 * Null when the item was embedded by another model than the one the community model was trained on, or
 * when it has no title or text (a reserved site, or the text signal off): its embedding is then that of
 * empty text and says nothing of the page.
 */
export function topicOf(
  model: VerifiedModel,
  item: { embedding: readonly number[]; embedModel: string; redacted: { title: string; text: string } },
): TopicLabel | null {
  if (item.embedModel !== model.embeddingModel || item.embedding.length !== model.dims) return null;
  if (!item.redacted.title.trim() && !item.redacted.text.trim()) return null;
  const probabilities = predict(model, item.embedding);
  const best = argmax(probabilities);
  return { topic: model.labels[best]!, terms: model.terms[best] ?? [], probability: probabilities[best]! };
}
