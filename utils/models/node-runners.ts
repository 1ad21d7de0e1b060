// Node-only: the command-line tools and benchmarks run the same models through onnxruntime-node.
import path from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import { runtimeModelInfo } from './manifest';
import { loadVerifiedManifest, manifestPath } from './manifest-files';
import { modelRunners, type ModelRunners } from './runners';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Loads the manifest's models offline, after checking their sha256 sums. */
export async function loadNodeRunners(file = manifestPath(repoRoot)): Promise<ModelRunners> {
  const { manifest, dirs } = loadVerifiedManifest(file, repoRoot);
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  const load = async <T extends 'feature-extraction' | 'token-classification'>(task: T, dir: string) => {
    // transformers.js resolves a model name under localModelPath; each model may live elsewhere.
    env.localModelPath = `${path.dirname(dir)}/`;
    return pipeline(task, path.basename(dir), { dtype: 'q8' });
  };
  const embed = await load('feature-extraction', dirs.embed);
  const ner = await load('token-classification', dirs.ner);
  return modelRunners({ embed: async () => embed, ner: async () => ner }, runtimeModelInfo(manifest));
}
