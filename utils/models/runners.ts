import type { FeatureExtractionPipeline, TokenClassificationPipeline } from '@huggingface/transformers';
import type { NerToken } from '../anonymize/types';
import type { RuntimeModelInfo } from './manifest';

export type ModelKind = 'embed' | 'ner';

/** A page's text after it went through the on-device models. */
export interface ModelRunners {
  info: RuntimeModelInfo;
  /**
   * Loads the named models now; each otherwise loads on its first call. A model is only in memory
   * once something asked for it, so a host that only anonymizes never holds the embedding model.
   */
  load(kinds: readonly ModelKind[]): Promise<void>;
  /** Sentence embeddings, pooled and normalized as the manifest says, one per text. */
  embed(texts: string[]): Promise<number[][]>;
  /** Raw per-token labels of each text, in one model run; the anonymizer maps them back to character spans. */
  tokens(texts: string[]): Promise<NerToken[][]>;
  dispose(): Promise<void>;
}

export interface PipelineLoaders {
  embed(): Promise<FeatureExtractionPipeline>;
  ner(): Promise<TokenClassificationPipeline>;
}

/** Wraps the pipelines, each loaded once on first use; the same code serves the extension and the command-line tools. */
export function modelRunners(loaders: PipelineLoaders, info: RuntimeModelInfo): ModelRunners {
  let embedPipeline: Promise<FeatureExtractionPipeline> | null = null;
  let nerPipeline: Promise<TokenClassificationPipeline> | null = null;
  // A failed load is not kept: the next call tries again.
  const embed = () => (embedPipeline ??= loaders.embed().catch((err: unknown) => ((embedPipeline = null), Promise.reject(err))));
  const ner = () => (nerPipeline ??= loaders.ner().catch((err: unknown) => ((nerPipeline = null), Promise.reject(err))));
  return {
    info,
    async load(kinds) {
      await Promise.all(kinds.map((kind) => (kind === 'embed' ? embed() : ner())));
    },
    async embed(texts) {
      if (texts.length === 0) return [];
      const output = await (await embed())(texts, { pooling: info.embed.pooling, normalize: info.embed.normalize });
      const rows = output.tolist() as number[][];
      for (const row of rows) {
        if (row.length !== info.embed.dim) throw new Error(`embedding has ${row.length} dimensions, expected ${info.embed.dim}`);
      }
      return rows;
    },
    async tokens(texts) {
      const inputs = texts.filter((t) => t.trim() !== '');
      const out = inputs.length === 0 ? [] : await (await ner())(inputs, { ignore_labels: [] });
      let next = 0;
      return texts.map((t) => (t.trim() === '' ? [] : out[next++]!.map((k) => ({ entity: k.entity, score: k.score, index: k.index, word: k.word }))));
    },
    async dispose() {
      const loaded = [embedPipeline, nerPipeline];
      embedPipeline = null;
      nerPipeline = null;
      await Promise.all(loaded.map(async (pipeline) => (await pipeline?.catch(() => null))?.dispose()));
    },
  };
}
