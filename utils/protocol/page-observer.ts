import { z } from 'zod';
import { signalTogglesSchema } from '../consent/settings';
import { tdmRepResponseSchema, tdmRuleSchema } from '../consent/tdmrep-file';
import { wellFormedText } from '../wire/primitives';
import { originSchema, TEXT_LIMITS } from '../wire/signal';

/**
 * Page observer (entrypoints/observer.ts, injected into a web page) ↔ background. The observer
 * runs beside untrusted page code, so the background trusts nothing it sends as typed.
 */

/** What the observer saw on one page visit, before any processing. */
export const pageObservationSchema = z.object({
  origin: originSchema,
  title: wellFormedText(TEXT_LIMITS.titleChars),
  text: wellFormedText(TEXT_LIMITS.textChars),
  lang: wellFormedText(35).optional(),
  visitedAt: z.number().int().positive(),
  dwellMs: z.number().int().min(0).max(86_400_000),
  scrollDepth: z.number().min(0).max(1),
  interactions: z.number().int().min(0).max(100_000),
  /** The site reserves text and data mining (TDMRep): the observer sent no title or text. */
  tdmReserved: z.literal(true).optional(),
});
export type PageObservation = z.infer<typeof pageObservationSchema>;

/**
 * The address a message is about: in a single-page app the tab may already show another route
 * than the visit it reports. Only decided on when it has the sending tab's origin; never stored.
 */
const visitUrlSchema = z.string().max(16_384);

export const observerMessageSchema = z.discriminatedUnion('type', [
  /** May this address be observed, and which signals? Answered with a CollectPolicy. */
  z.object({ type: z.literal('collect-policy'), url: visitUrlSchema }),
  /** The visit on this address has ended. Answered with null. */
  z.object({ type: z.literal('page-observation'), url: visitUrlSchema, observation: pageObservationSchema }),
  /** What the address's origin answered for /.well-known/tdmrep.json. Answered with its TdmRule[], or null. */
  z.object({ type: z.literal('tdmrep'), url: visitUrlSchema, response: tdmRepResponseSchema }),
]);
export type ObserverMessage = z.infer<typeof observerMessageSchema>;

export const collectPolicySchema = z.object({
  collect: z.boolean(),
  signals: signalTogglesSchema,
  /** The origin's TDMRep rules while the background holds a fresh answer; null when the observer must ask the origin. */
  tdm: z.array(tdmRuleSchema).nullable(),
});
export type CollectPolicy = z.infer<typeof collectPolicySchema>;
