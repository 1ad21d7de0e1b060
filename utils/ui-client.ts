import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { UiRequest } from './messages';
import type { ExtensionState, ItemsReply } from './state';

/** What the background answers to each request: the items listing, or the state after the change. */
export type ReplyTo<R extends UiRequest> = R extends { type: 'list-items' } ? ItemsReply : ExtensionState;

// The payload comes from our own background, but the envelope is checked so a missing or
// crashed listener surfaces as a readable error instead of `undefined` deep in a component.
const replyEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** Sends one UI request to the background; throws with the background's message when it refuses. */
export async function request<R extends UiRequest>(req: R): Promise<ReplyTo<R>> {
  const raw: unknown = await browser.runtime.sendMessage(req);
  const reply = replyEnvelopeSchema.safeParse(raw);
  if (!reply.success) throw new Error(`No valid answer from the extension background to "${req.type}"`);
  if (!reply.data.ok) throw new Error(reply.data.error);
  return reply.data.value as ReplyTo<R>;
}
