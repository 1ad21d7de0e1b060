import { browser } from 'wxt/browser';
import { powerSource } from '../compute/power';
import {
  modelAnonymizeRequestSchema,
  modelEmbedPagesRequestSchema,
  modelEmbedRequestSchema,
  modelRequestSchema,
  powerRequestSchema,
  type ModelAnonymizeReply,
  type ModelEmbedReply,
  type ModelReply,
  type PowerReply,
} from '../protocol/model-host';
import type { ModelHost } from './model-host';

const failed = (err: unknown) => ({ ok: false as const, error: String(err).slice(0, 500) });

export async function answerModelRequest(
  host: ModelHost,
  message: unknown,
): Promise<ModelReply | ModelAnonymizeReply | ModelEmbedReply | PowerReply | undefined> {
  const process = modelRequestSchema.safeParse(message);
  if (process.success) {
    try {
      return { ok: true, pages: await host.process(process.data.pages) };
    } catch (err) {
      return failed(err);
    }
  }
  const anonymize = modelAnonymizeRequestSchema.safeParse(message);
  if (anonymize.success) {
    try {
      return { ok: true, pages: await host.anonymize(anonymize.data.pages) };
    } catch (err) {
      return failed(err);
    }
  }
  const embedPages = modelEmbedPagesRequestSchema.safeParse(message);
  if (embedPages.success) {
    try {
      return { ok: true, pages: await host.embedPages(embedPages.data.pages) };
    } catch (err) {
      return failed(err);
    }
  }
  const embed = modelEmbedRequestSchema.safeParse(message);
  if (embed.success) {
    try {
      return { ok: true, ...(await host.embed(embed.data.texts)) };
    } catch (err) {
      return failed(err);
    }
  }
  if (powerRequestSchema.safeParse(message).success) return { ok: true, power: await powerSource() };
  return undefined;
}

/** Answers model requests addressed to this context; every other message is left to others. */
export function serveModelRequests(host: ModelHost): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { target?: unknown } | null)?.target !== 'offscreen') return undefined;
    return answerModelRequest(host, message);
  });
}
