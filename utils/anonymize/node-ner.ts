// Node-only: the CLI and the benchmark get the NER runner from the shared model loader (manifest,
// sha256-checked, offline), so they measure the same model the extension runs.
import { loadNodeRunners } from '../models/node-runners';
import type { NerRunner } from './types';

export async function loadNodeNer(): Promise<NerRunner> {
  const runners = await loadNodeRunners();
  return (text) => runners.tokens(text);
}
