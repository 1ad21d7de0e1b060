import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A shard is a few dozen texts: one request's worth of embedding work for a browser. */
export const SHARD_TEXTS = 24;

export interface CorpusShard {
  /** `<source>/<n>`: the n-th shard of that source, stable as long as the source is. */
  key: string;
  source: string;
  texts: string[];
}

/**
 * The public-domain texts the collector packages: one text per line of corpus/<source>.txt.
 * `founding-documents`: the United States Declaration of Independence (1776), passages of the
 * Constitution and its amendments, the Gettysburg Address (1863), passages of Lincoln's Second
 * Inaugural Address (1865) and the presidential oath; works published before 1929 and texts of
 * the U.S. federal government, in the public domain (see collector/README.md).
 */
export function loadCorpus(source = 'founding-documents', dir = path.join(import.meta.dirname, 'corpus')): CorpusShard[] {
  const texts = readFileSync(path.join(dir, `${source}.txt`), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return shardTexts(source, texts);
}

export function shardTexts(source: string, texts: readonly string[], size = SHARD_TEXTS): CorpusShard[] {
  const shards: CorpusShard[] = [];
  for (let i = 0; i < texts.length; i += size) {
    shards.push({ key: `${source}/${i / size}`, source, texts: texts.slice(i, i + size) });
  }
  return shards;
}
