import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelManifestSchema, runtimeModelInfo } from '../../../utils/models/manifest';
import { manifestPath } from '../../../utils/models/manifest-files';
import type { ComputeModel } from '../../../utils/wire/compute';

/** The collector's own embedding model: for the known answers it checks devices against, and for queries to the index. */
export interface Embedder {
  model: ComputeModel;
  dims: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * The manifest's embedding model in onnxruntime-node: the same weights the extension runs in
 * WASM. The weights are checked and loaded on first use, so a collector nobody asks for a known
 * answer or a search never loads them.
 */
export function nativeEmbedder(file = manifestPath(repoRoot)): Embedder {
  const info = runtimeModelInfo(modelManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
  let runners: Promise<import('../../../utils/models/runners').ModelRunners> | null = null;
  const load = () =>
    import('../../../utils/models/node-runners').then(({ loadNodeRunners }) => loadNodeRunners(file)).catch((err: unknown) => {
      runners = null;
      throw err;
    });
  return {
    model: { id: info.embed.id, version: info.embed.version },
    dims: info.embed.dim,
    async embed(texts) {
      runners ??= load();
      const rows = await (await runners).embed([...texts]);
      return rows.map((row) => Float32Array.from(row));
    },
  };
}
