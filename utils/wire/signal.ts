import { z } from 'zod';
import { timestampMs, uuid, wellFormedText } from './primitives';
import { TEXT_LIMITS } from './text-limits';
import { vectorB64 } from './vector-codec';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `scheme://host[:port]` and nothing else: a path, query or fragment would leak more than the site. */
export const originSchema = z
  .string()
  .max(300)
  .refine((o) => {
    try {
      const u = new URL(o);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === o;
    } catch {
      return false;
    }
  }, 'origin must be scheme://host[:port] only');

export { TEXT_LIMITS };

const modelId = wellFormedText(200, 1);

export const signalSchema = z.strictObject({
  id: uuid,
  origin: originSchema,
  title: wellFormedText(TEXT_LIMITS.titleChars),
  text: wellFormedText(TEXT_LIMITS.textChars),
  entities: z
    .array(z.strictObject({ type: wellFormedText(64, 1), count: z.number().int().min(1).max(100_000) }))
    .max(64),
  // Binary (vector-codec.ts: int8 + scale), base64 inside the JSON plaintext: 520 characters for
  // 384 dimensions where a JSON array of numbers took ~7.7 KB and a parse of every number.
  embedding: vectorB64(8, 2048),
  models: z.strictObject({ embed: modelId, ner: modelId }),
  // Whole hours only: finer visit times would fingerprint a browsing session.
  visitedAt: timestampMs.multipleOf(3_600_000),
  dwellMs: z.number().int().min(0).max(DAY_MS),
  scrollDepth: z.number().min(0).max(1),
  interactions: z.number().int().min(0).max(1_000_000),
  lang: wellFormedText(35, 2).optional(),
});

export type Signal = z.infer<typeof signalSchema>;
