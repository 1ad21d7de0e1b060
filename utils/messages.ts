import { z } from 'zod';
import { LIMITS } from './limits';
import { wellFormedText } from './wire/primitives';
import { originSchema } from './wire/signal';

/**
 * Every message that crosses a context boundary (content script → background, pages →
 * background, background ↔ offscreen) is one of these, validated on arrival: a content script
 * runs beside untrusted page code, so nothing it sends is trusted as typed.
 */

export { LIMITS };

/** What the content script observed on one page visit, before any processing. */
export const pageObservationSchema = z.object({
  origin: originSchema,
  title: wellFormedText(LIMITS.titleChars),
  text: wellFormedText(LIMITS.textChars),
  lang: wellFormedText(35).optional(),
  visitedAt: z.number().int().positive(),
  dwellMs: z.number().int().min(0).max(86_400_000),
  scrollDepth: z.number().min(0).max(1),
  interactions: z.number().int().min(0).max(100_000),
});
export type PageObservation = z.infer<typeof pageObservationSchema>;

export const signalToggleSchema = z.object({
  text: z.boolean(),
  dwell: z.boolean(),
  scroll: z.boolean(),
});
export type SignalToggles = z.infer<typeof signalToggleSchema>;

export const contentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('collect-policy') }),
  z.object({ type: z.literal('page-observation'), observation: pageObservationSchema }),
]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;

export interface CollectPolicyReply {
  collect: boolean;
  signals: SignalToggles;
}

export const siteRuleSchema = z.enum(['allow', 'deny']);
export type SiteRule = z.infer<typeof siteRuleSchema>;

const id = z.string().min(1).max(100);

/** Requests from the popup and the dashboard. */
export const uiRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-state') }),
  z.object({ type: z.literal('opt-in') }),
  z.object({ type: z.literal('opt-out') }),
  z.object({ type: z.literal('pause'), until: z.number().int().positive() }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('set-signals'), signals: signalToggleSchema }),
  z.object({ type: z.literal('set-review-mode'), reviewBeforeSending: z.boolean() }),
  z.object({ type: z.literal('set-site-rule'), origin: originSchema, rule: siteRuleSchema.nullable() }),
  z.object({ type: z.literal('list-items') }),
  z.object({ type: z.literal('approve-items'), ids: z.array(id).max(10_000) }),
  z.object({ type: z.literal('edit-item'), id, text: z.string().max(LIMITS.textChars) }),
  z.object({
    type: z.literal('delete'),
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('items'), ids: z.array(id).min(1).max(10_000) }),
      z.object({ kind: z.literal('site'), origin: originSchema }),
      z.object({ kind: z.literal('day'), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
      z.object({ kind: z.literal('all') }),
    ]),
  }),
  z.object({ type: z.literal('leave') }),
  z.object({ type: z.literal('flush') }),
  /** Opens the collector's claim page, with a fresh one-time link signed by the device. */
  z.object({ type: z.literal('link-wallet') }),
  z.object({ type: z.literal('dismiss-dropped-notice') }),
  /** Checks every sent bundle against the collector's signed transparency root. */
  z.object({ type: z.literal('verify-dataset') }),
]);
export type UiRequest = z.infer<typeof uiRequestSchema>;

/** Background → offscreen document (the model host); progress reports come back as `model:progress`. */
export const pageTextSchema = z.object({
  title: z.string().max(LIMITS.titleChars),
  text: z.string().max(LIMITS.textChars),
});

export const modelRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('model:process'), target: z.literal('offscreen'), pages: z.array(pageTextSchema).min(1).max(100) }),
  z.object({ type: z.literal('model:warm'), target: z.literal('offscreen') }),
]);
export type ModelRequest = z.infer<typeof modelRequestSchema>;

export const modelProgressSchema = z.object({
  type: z.literal('model:progress'),
  state: z.enum(['idle', 'loading', 'ready', 'error']),
  /** 0..1 over all model files. */
  progress: z.number().min(0).max(1),
  message: z.string().max(500).optional(),
});
export type ModelProgress = z.infer<typeof modelProgressSchema>;
