// The community model's function, softmax(x·W + b): one definition for the collector, which measures
// the model's accuracy with it, and the extension, which labels the user's items with it.

export interface LinearModel {
  dims: number;
  labels: string[];
  /** Row-major [dims][labels]. */
  weights: Float32Array;
  bias: Float32Array;
}

/** The probability of each label for the embedding `x`. */
export function predict(model: LinearModel, x: readonly number[]): number[] {
  const { dims, labels } = model;
  const logits = labels.map((_, c) => {
    let s = model.bias[c]!;
    for (let d = 0; d < dims; d++) s += x[d]! * model.weights[d * labels.length + c]!;
    return s;
  });
  const max = Math.max(...logits);
  const exp = logits.map((l) => Math.exp(l - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

export const argmax = (p: readonly number[]): number => p.reduce((best, v, i) => (v > p[best]! ? i : best), 0);
