import { browser } from 'wxt/browser';
import { replySchemaFor, uiReplyEnvelopeSchema, type ReplyTo, type UiRequest } from './protocol/ui';

/**
 * Sends one UI request to the background; throws with the background's message when it refuses.
 * The answer is checked like any other message: a missing or crashed listener, or a background
 * of another version, surfaces as a readable error instead of `undefined` deep in a component.
 */
export async function request<R extends UiRequest>(req: R): Promise<ReplyTo<R>> {
  const raw: unknown = await browser.runtime.sendMessage(req);
  const reply = uiReplyEnvelopeSchema.safeParse(raw);
  if (!reply.success) throw new Error(`No valid answer from the extension background to "${req.type}"`);
  if (!reply.data.ok) throw new Error(reply.data.error);
  const value = replySchemaFor(req).safeParse(reply.data.value);
  if (!value.success) throw new Error(`No valid answer from the extension background to "${req.type}"`);
  return value.data as ReplyTo<R>;
}
