// Offline smoke check: both committed models load and run in transformers.js (the runtime the extension uses).
// Run from the repo root: node models/check_transformersjs.mjs  (exits non-zero on failure)
import { fileURLToPath } from 'node:url';
import { pipeline, env } from '@huggingface/transformers';

env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = fileURLToPath(new URL('./dist/', import.meta.url));

const SAMPLE = 'My name is Anna Kowalska and I live at 12 Baker Street, London; I work for Siemens.';

const embed = await pipeline('feature-extraction', 'embed', { dtype: 'q8' });
const vectors = await embed(['A cat sits on the mat.', 'A kitten is sitting on a rug.', 'Stock prices fell sharply.'], {
  pooling: 'mean',
  normalize: true,
});
const [a, b, c] = vectors.tolist();
const dot = (x, y) => x.reduce((sum, v, i) => sum + v * y[i], 0);
console.log(`embed: dims ${vectors.dims.join('x')}, sim(paraphrase) ${dot(a, b).toFixed(3)}, sim(unrelated) ${dot(a, c).toFixed(3)}`);

const ner = await pipeline('token-classification', 'ner', { dtype: 'q8' });
const entities = await ner(SAMPLE);
console.log(`ner: ${SAMPLE}`);
for (const e of entities) console.log(`  ${e.entity.padEnd(7)} ${e.word.padEnd(12)} ${e.score.toFixed(3)}`);

const failures = [];
if (vectors.dims[1] !== 384) failures.push('embedding dim is not 384');
if (!(dot(a, b) > dot(a, c))) failures.push('paraphrase not closer than unrelated sentence');
const kinds = new Set(entities.map((e) => e.entity.slice(2)));
// PER and ADDR are the must-find PII in the sample; ORG is printed but not required (the
// committed model tags "Siemens" as LOC, see README).
for (const kind of ['PER', 'ADDR']) if (!kinds.has(kind)) failures.push(`no ${kind} found in sample`);
if (failures.length) {
  console.error(`transformers.js check FAILED: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('transformers.js check passed');
