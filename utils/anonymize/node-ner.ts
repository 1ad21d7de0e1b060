// Node-only: the CLI and the benchmark get the NER runner from the shared model loader (manifest,
// sha256-checked, offline), so they measure the same model the extension runs.
import path from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import { loadNodeRunners } from '../models/node-runners';
import type { NerRunner, NerToken } from './types';

export async function loadNodeNer(): Promise<NerRunner> {
  const runners = await loadNodeRunners();
  return (texts) => runners.tokens(texts);
}

/**
 * Development only: a token-classification model straight from a directory (no manifest, no checksum),
 * to measure a model before it is released, or to run the synthetic test fixture.
 */
export async function loadNerFromDir(dir: string): Promise<NerRunner> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${path.dirname(path.resolve(dir))}/`;
  const classify = await pipeline('token-classification', path.basename(dir), { dtype: 'q8' });
  return async (texts) => (texts.length === 0 ? [] : ((await classify(texts, { ignore_labels: [] })) as NerToken[][]));
}
