import path from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { loadVerifiedManifest, manifestPath } from '../../../utils/models/manifest-files';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the shipped embedding model', () => {
  it('reads at most the 256 word pieces it was checked at (models/tributary_models/embed.py MAX_LENGTH), not the 512 its positions allow', async () => {
    const { dirs } = loadVerifiedManifest(manifestPath(root), root);
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${path.dirname(dirs.embed)}/`;
    const tokenizer = await AutoTokenizer.from_pretrained(path.basename(dirs.embed));
    const page = 'Rivers carry sediment to the sea, and the delta grows. '.repeat(80);
    // What the feature-extraction pipeline asks of the tokenizer.
    const { input_ids } = tokenizer([page], { padding: true, truncation: true });
    expect(input_ids.dims).toEqual([1, 256]);
  });
});
