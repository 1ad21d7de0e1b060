import type { FeatureExtractionPipeline, TokenClassificationPipeline } from '@huggingface/transformers';
import type { NerToken } from '../anonymize/types';
import type { RuntimeModelInfo } from './manifest';

/** A page's text after it went through the on-device models. */
export interface ModelRunners {
  info: RuntimeModelInfo;
  /** Sentence embeddings, pooled and normalized as the manifest says, one per text. */
  embed(texts: string[]): Promise<number[][]>;
  /** Raw per-token labels of each text, in one model run; the anonymizer maps them back to character spans. */
  tokens(texts: string[]): Promise<NerToken[][]>;
  dispose(): Promise<void>;
}

export interface LoadedPipelines {
  embed: FeatureExtractionPipeline;
  ner: TokenClassificationPipeline;
}

/** Wraps loaded pipelines; the same code serves the extension and the command-line tools. */
export function modelRunners(pipelines: LoadedPipelines, info: RuntimeModelInfo): ModelRunners {
  return {
    info,
    async embed(texts) {
      if (texts.length === 0) return [];
      const output = await pipelines.embed(texts, { pooling: info.embed.pooling, normalize: info.embed.normalize });
      const rows = output.tolist() as number[][];
      for (const row of rows) {
        if (row.length !== info.embed.dim) throw new Error(`embedding has ${row.length} dimensions, expected ${info.embed.dim}`);
      }
      return rows;
    },
    async tokens(texts) {
      const inputs = texts.filter((t) => t.trim() !== '');
      const out = inputs.length === 0 ? [] : await pipelines.ner(inputs, { ignore_labels: [] });
      let next = 0;
      return texts.map((t) => (t.trim() === '' ? [] : out[next++]!.map((k) => ({ entity: k.entity, score: k.score, index: k.index, word: k.word }))));
    },
    async dispose() {
      await Promise.all([pipelines.embed.dispose(), pipelines.ner.dispose()]);
    },
  };
}
