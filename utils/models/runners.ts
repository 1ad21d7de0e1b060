import type { FeatureExtractionPipeline, TokenClassificationPipeline } from '@huggingface/transformers';
import type { NerToken } from '../anonymize/types';
import type { RuntimeModelInfo } from './manifest';

/** A page's text after it went through the on-device models. */
export interface ModelRunners {
  info: RuntimeModelInfo;
  /** Sentence embeddings, pooled and normalized as the manifest says, one per text. */
  embed(texts: string[]): Promise<number[][]>;
  /** Raw per-token labels; the anonymizer maps them back to character spans. */
  tokens(text: string): Promise<NerToken[]>;
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
    async tokens(text) {
      if (!text.trim()) return [];
      const out = await pipelines.ner(text, { ignore_labels: [] });
      return out.map((t) => ({ entity: t.entity, score: t.score, index: t.index, word: t.word }));
    },
    async dispose() {
      await Promise.all([pipelines.embed.dispose(), pipelines.ner.dispose()]);
    },
  };
}
