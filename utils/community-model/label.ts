// An item's topic by the community model, computed on the device from the item's own embedding.
import { argmax, predict } from '../release/linear-model';
import type { VerifiedModel } from './verify-model';

export interface TopicLabel {
  topic: string;
  /** The topic's top terms: what the dashboard shows as its label. */
  terms: string[];
  probability: number;
}

/** Null when the item was embedded by another model than the one the community model was trained on. */
export function topicOf(model: VerifiedModel, item: { embedding: readonly number[]; embedModel: string }): TopicLabel | null {
  if (item.embedModel !== model.embeddingModel || item.embedding.length !== model.dims) return null;
  const probabilities = predict(model, item.embedding);
  const best = argmax(probabilities);
  return { topic: model.labels[best]!, terms: model.terms[best] ?? [], probability: probabilities[best]! };
}
