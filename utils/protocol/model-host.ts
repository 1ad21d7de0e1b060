import { z } from 'zod';
import { TEXT_LIMITS } from '../wire/signal';
import { COMPUTE_LIMITS, computeModelSchema } from '../wire/compute';

/**
 * Background ↔ model host (Chrome's offscreen document; on Firefox the models run in the
 * background page itself and no message is sent). Requests carry `target: 'offscreen'` so every
 * other listener ignores them; the host's progress reports are broadcast to the background.
 */

export const pageTextSchema = z.object({
  title: z.string().max(TEXT_LIMITS.titleChars),
  text: z.string().max(TEXT_LIMITS.textChars),
});
export type PageText = z.infer<typeof pageTextSchema>;

const modelIdSchema = z.string().min(1).max(200);
const entityCountsSchema = z.record(z.string(), z.number().int().min(0));

/** What is left of a page after the on-device models: only this leaves the device. */
export const processedPageSchema = z.object({
  title: z.string(),
  text: z.string(),
  entityCounts: entityCountsSchema,
  embedding: z.array(z.number()).min(1).max(4096),
  models: z.object({ embed: modelIdSchema, ner: modelIdSchema }),
});
export type ProcessedPage = z.infer<typeof processedPageSchema>;

/** A page after the anonymizer, before the embedding model: `ner` names the model that ran. */
export const anonymizedPageSchema = z.object({
  title: z.string(),
  text: z.string(),
  entityCounts: entityCountsSchema,
  ner: modelIdSchema,
});
export type AnonymizedPage = z.infer<typeof anonymizedPageSchema>;

export const MAX_PAGES_PER_REQUEST = 100;

export const modelRequestSchema = z.object({
  type: z.literal('model:process'),
  target: z.literal('offscreen'),
  pages: z.array(pageTextSchema).min(1).max(MAX_PAGES_PER_REQUEST),
});
export type ModelRequest = z.infer<typeof modelRequestSchema>;

/** Any model request's failure: what went wrong, bounded. */
const modelFailureSchema = z.object({ ok: z.literal(false), error: z.string().max(500) });

export const modelReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), pages: z.array(processedPageSchema).max(MAX_PAGES_PER_REQUEST) }),
  modelFailureSchema,
]);
export type ModelReply = z.infer<typeof modelReplySchema>;

/** The anonymizer alone (rules and the NER model): a backlog's first phase. */
export const modelAnonymizeRequestSchema = z.object({
  type: z.literal('model:anonymize'),
  target: z.literal('offscreen'),
  pages: z.array(pageTextSchema).min(1).max(MAX_PAGES_PER_REQUEST),
});
export type ModelAnonymizeRequest = z.infer<typeof modelAnonymizeRequestSchema>;

export const modelAnonymizeReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), pages: z.array(anonymizedPageSchema).max(MAX_PAGES_PER_REQUEST) }),
  modelFailureSchema,
]);
export type ModelAnonymizeReply = z.infer<typeof modelAnonymizeReplySchema>;

/** Anonymized pages through the embedding model alone, answered as `model:process` is: a backlog's second phase. */
export const modelEmbedPagesRequestSchema = z.object({
  type: z.literal('model:embed-pages'),
  target: z.literal('offscreen'),
  pages: z.array(anonymizedPageSchema).min(1).max(MAX_PAGES_PER_REQUEST),
});
export type ModelEmbedPagesRequest = z.infer<typeof modelEmbedPagesRequestSchema>;

export const modelProgressSchema = z.object({
  type: z.literal('model:progress'),
  state: z.enum(['idle', 'loading', 'ready', 'error']),
  /** 0..1 over all model files. */
  progress: z.number().min(0).max(1),
  message: z.string().max(500).optional(),
});
export type ModelProgress = z.infer<typeof modelProgressSchema>;

/** Embeddings of public texts for a compute job: the embedding model only, no anonymizer. */
export const modelEmbedRequestSchema = z.object({
  type: z.literal('model:embed'),
  target: z.literal('offscreen'),
  texts: z.array(z.string().min(1).max(COMPUTE_LIMITS.textChars)).min(1).max(COMPUTE_LIMITS.textsPerShard),
});
export type ModelEmbedRequest = z.infer<typeof modelEmbedRequestSchema>;

export const embeddedSchema = z.object({
  vectors: z.array(z.array(z.number()).min(1).max(COMPUTE_LIMITS.maxDims)).max(COMPUTE_LIMITS.textsPerShard),
  model: computeModelSchema,
});
export type Embedded = z.infer<typeof embeddedSchema>;

export const modelEmbedReplySchema = z.discriminatedUnion('ok', [
  embeddedSchema.extend({ ok: z.literal(true) }),
  modelFailureSchema,
]);
export type ModelEmbedReply = z.infer<typeof modelEmbedReplySchema>;

/** The power source, which only a document can read (the Battery Status API). */
export const powerRequestSchema = z.object({ type: z.literal('model:power'), target: z.literal('offscreen') });
export type PowerRequest = z.infer<typeof powerRequestSchema>;
export const powerSourceSchema = z.enum(['ac', 'battery', 'unknown']);
export const powerReplySchema = z.object({ ok: z.literal(true), power: powerSourceSchema });
export type PowerReply = z.infer<typeof powerReplySchema>;
