import { z } from 'zod';
import { communityDescriptorSchema } from '../collector-api/community-descriptor';
import { collectorStatusSchema } from '../background/collector-status';
import { inclusionCheckSchema } from '../background/dataset-proof';
import { communityCheckSchema } from '../community-model/model-store';
import { consentSchema, signalTogglesSchema, siteRuleSchema } from '../consent/settings';
import { ITEM_STATUSES } from '../items/item';
import { deletionReceiptSchema } from '../wire/receipts';
import { originSchema, TEXT_LIMITS } from '../wire/signal';
import { modelProgressSchema, powerSourceSchema } from './model-host';
import { computeSettingsSchema } from '../compute/settings';
import { rewardTokenSchema, tokenNullifierSchema } from '../wire/reward-tokens';

/**
 * Popup and dashboard ↔ background. Every request is checked by the background and every reply
 * by the page: one schema for each side, so the two can never disagree silently.
 */

const id = z.string().min(1).max(100);

export const uiRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-state') }),
  z.object({ type: z.literal('opt-in') }),
  z.object({ type: z.literal('opt-out') }),
  z.object({ type: z.literal('pause'), until: z.number().int().positive() }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('set-signals'), signals: signalTogglesSchema }),
  z.object({ type: z.literal('set-review-mode'), reviewBeforeSending: z.boolean() }),
  z.object({ type: z.literal('set-site-rule'), origin: originSchema, rule: siteRuleSchema.nullable() }),
  z.object({ type: z.literal('list-items') }),
  z.object({ type: z.literal('approve-items'), ids: z.array(id).max(10_000) }),
  z.object({ type: z.literal('edit-item'), id, text: z.string().max(TEXT_LIMITS.textChars) }),
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
  /** Opens the collector's governance page, where members vote on the community's rules. */
  z.object({ type: z.literal('open-governance') }),
  z.object({ type: z.literal('dismiss-dropped-notice') }),
  /** Asks the collector whether a newer community model was released (the dashboard, once when it opens). */
  z.object({ type: z.literal('check-community-model') }),
  /** Checks every sent bundle against the collector's signed transparency root. */
  z.object({ type: z.literal('verify-dataset') }),
  /** The compute opt-in and its limits (utils/compute/settings.ts); fields left out stay as they are. */
  z.object({ type: z.literal('set-compute'), settings: computeSettingsSchema.pick({ enabled: true, minutesPerDay: true, acOnly: true }).partial() }),
  z.object({ type: z.literal('pause-compute'), until: z.number().int().positive() }),
  z.object({ type: z.literal('resume-compute') }),
  /** The tokens of closed epochs, for the claim page the dashboard opens. */
  z.object({ type: z.literal('redeemable-tokens') }),
  /** These tokens were handed to the claim page: the device forgets them. */
  z.object({ type: z.literal('tokens-handed'), nullifiers: z.array(tokenNullifierSchema).min(1).max(10_000) }),
  /** Contribute to this community from now on (the options page checked its descriptor and asked for its origin). */
  z.object({ type: z.literal('join-community'), descriptor: communityDescriptorSchema }),
  /** Back to the community the extension was built for. */
  z.object({ type: z.literal('rejoin-built-in-community') }),
]);
export type UiRequest = z.infer<typeof uiRequestSchema>;
export type DeleteScope = Extract<UiRequest, { type: 'delete' }>['scope'];

const count = z.number().int().min(0);

/** What the popup and dashboard render; assembled by the background from storage on each request. */
export const extensionStateSchema = z.object({
  consent: consentSchema,
  devicePub: z.string().nullable(),
  collectorUrl: z.string(),
  /** Page visits observed since local midnight. */
  collectedToday: count,
  items: z.record(z.enum(ITEM_STATUSES), count),
  bundles: z.object({ pending: count, accepted: count }),
  /** Reward units as last reported by the collector; null before the first answer. */
  balance: collectorStatusSchema.shape.balance,
  /** Pending (no wallet yet), claimable and claimed token amounts; null without a reward chain. */
  rewards: collectorStatusSchema.shape.rewards,
  /** The community rules the collector applies; null before its first answer. */
  policy: collectorStatusSchema.shape.policy,
  /** The collector's receipt key every receipt shown was checked against. */
  collectorReceiptKey: z.string().nullable(),
  collector: collectorStatusSchema.shape.collector,
  model: modelProgressSchema,
  /** Items dropped because the queue was full, since the user last looked. */
  droppedNotice: count,
  compute: z.object({
    settings: computeSettingsSchema,
    /** Since local midnight. */
    today: z.object({ modelMs: z.number().min(0), shards: count }),
    running: z.boolean(),
    /** Why no job runs now; null while one runs or may run. */
    blocked: z.enum(['off', 'paused', 'user-active', 'on-battery', 'daily-limit']).nullable(),
    /** null until it was needed (only with the AC-power limit on). */
    power: powerSourceSchema.nullable(),
  }),
  /** Reward tokens held: count and worth in reward units, all and of closed epochs, and per epoch with its anonymity set. */
  tokens: z.object({
    count,
    units: count,
    redeemable: z.object({ count, units: count }),
    epochs: z.array(
      z.object({
        epoch: count,
        count,
        units: count,
        endsAt: z.number(),
        closed: z.boolean(),
        /** Devices that obtained tokens in the epoch; null until the collector said. */
        devices: count.nullable(),
      }),
    ),
  }),
});
export type ExtensionState = z.infer<typeof extensionStateSchema>;

const text = z.object({ title: z.string(), text: z.string() });

/**
 * An item as the dashboard lists it, whatever its state: no embedding; the raw text only while
 * it has not been anonymized (or failed to be), the anonymized text after.
 */
export const itemViewSchema = z.object({
  id,
  origin: z.string(),
  visitedAt: z.number(),
  dwellMs: z.number(),
  scrollDepth: z.number(),
  interactions: z.number(),
  lang: z.string().optional(),
  tdmReserved: z.literal(true).optional(),
  attempts: count,
  status: z.enum(ITEM_STATUSES),
  raw: text.optional(),
  redacted: text.optional(),
  entityCounts: z.record(z.string(), z.number()).optional(),
  models: z.object({ embed: z.string(), ner: z.string() }).optional(),
  bundleId: z.string().optional(),
  sentAt: z.number().optional(),
  error: z.string().optional(),
  receipt: z.object({ bundleId: z.string(), storedAt: z.number() }).nullable().optional(),
  /** The last check of this item's bundle against the collector's transparency log. */
  inclusion: inclusionCheckSchema.nullable().optional(),
  /** The item's topic by the community model, computed on this device from its embedding. */
  topic: z.object({ topic: z.string(), terms: z.array(z.string()), probability: z.number() }).nullable().optional(),
});
export type ItemView = z.infer<typeof itemViewSchema>;

export const deletionRecordSchema = z.object({
  requestHash: z.string(),
  scope: z.string(),
  requestedAt: z.number(),
  receipt: deletionReceiptSchema,
});

export const itemsReplySchema = z.object({
  items: z.array(itemViewSchema),
  deletions: z.array(deletionRecordSchema),
  /** By bundle id, including deleted bundles that must be absent from the log. */
  inclusion: z.record(z.string(), inclusionCheckSchema),
  /** The community model the topics come from, and what the last check for a newer one found. */
  communityModel: z.object({
    model: z.object({ manifestCid: z.string(), seq: z.number(), heldOutAccuracy: z.number(), verifiedAt: z.number() }).nullable(),
    check: communityCheckSchema.nullable(),
  }),
});
export type ItemsReply = z.infer<typeof itemsReplySchema>;

export const redeemableTokensReplySchema = z.object({ tokens: z.array(rewardTokenSchema) });
export type RedeemableTokensReply = z.infer<typeof redeemableTokensReplySchema>;

/** What the background answers to each request: the items listing, the redeemable tokens, or the state after the change. */
export type ReplyTo<R extends UiRequest> = R extends { type: 'list-items' } | { type: 'check-community-model' }
  ? ItemsReply
  : R extends { type: 'redeemable-tokens' }
    ? RedeemableTokensReply
    : ExtensionState;

export function replySchemaFor(request: UiRequest): z.ZodType<ExtensionState | ItemsReply | RedeemableTokensReply> {
  if (request.type === 'list-items' || request.type === 'check-community-model') return itemsReplySchema;
  if (request.type === 'redeemable-tokens') return redeemableTokensReplySchema;
  return extensionStateSchema;
}

/** The envelope of every answer: a refusal carries the background's reason. */
export const uiReplyEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type UiReply<T> = { ok: true; value: T } | { ok: false; error: string };
