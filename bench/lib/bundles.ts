import { randomUUID } from 'node:crypto';
import { encodeVectorB64, WIRE_VERSION, type BundlePlaintext, type Signal } from '../../utils/wire/index';

export const SIGNALS_PER_BUNDLE = 20;
export const EMBEDDING_DIM = 384;

const HOUR_MS = 3_600_000;

function unitVector(dim: number): number[] {
  const v = Array.from({ length: dim }, () => Math.random() * 2 - 1);
  const norm = Math.hypot(...v);
  // Float32 precision, as the extension's embeddings come out of ONNX Runtime.
  return v.map((x) => Math.fround(x / norm));
}

/** A signal shaped like the extension's: anonymized text of a few hundred characters and a 384-dim embedding. */
export function benchSignal(now: number, n: number): Signal {
  return {
    id: randomUUID(),
    origin: `https://site${n % 50}.example`,
    title: `Notes on sourdough starters and the chemistry of fermentation, part ${n}`,
    text:
      'A starter is a culture of wild yeast and lactic acid bacteria. [PERSON] keeps hers at room temperature and feeds it ' +
      'twice a day with equal weights of flour and water; the bacteria make the acids that give the bread its sour taste, ' +
      'while the yeast makes the gas that raises it. Write to [EMAIL] for the feeding schedule.',
    entities: [
      { type: 'PERSON', count: 1 },
      { type: 'EMAIL', count: 1 },
    ],
    embedding: encodeVectorB64(unitVector(EMBEDDING_DIM)),
    models: { embed: 'bench-embed', ner: 'bench-ner' },
    visitedAt: Math.floor(now / HOUR_MS) * HOUR_MS,
    dwellMs: 30_000 + n,
    scrollDepth: 0.5,
    interactions: 3,
    lang: 'en',
  };
}

/** A distinct bundle (fresh bundle and signal ids) of SIGNALS_PER_BUNDLE signals. */
export function benchBundle(devicePub: string, now = Date.now()): BundlePlaintext {
  return {
    v: WIRE_VERSION,
    bundleId: randomUUID(),
    devicePub,
    createdAt: now,
    signals: Array.from({ length: SIGNALS_PER_BUNDLE }, (_, i) => benchSignal(now, i)),
  };
}
