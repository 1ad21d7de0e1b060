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

/** A request's work as its reply: what it gives, or the error it threw. */
async function answered<T extends object>(work: () => Promise<T>): Promise<({ ok: true } & T) | ReturnType<typeof failed>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (err) {
    return failed(err);
  }
}

export async function answerModelRequest(
  host: ModelHost,
  message: unknown,
): Promise<ModelReply | ModelAnonymizeReply | ModelEmbedReply | PowerReply | undefined> {
  const process = modelRequestSchema.safeParse(message);
  if (process.success) return answered(async () => ({ pages: await host.process(process.data.pages) }));
  const anonymize = modelAnonymizeRequestSchema.safeParse(message);
  if (anonymize.success) return answered(async () => ({ pages: await host.anonymize(anonymize.data.pages) }));
  const embedPages = modelEmbedPagesRequestSchema.safeParse(message);
  if (embedPages.success) return answered(async () => ({ pages: await host.embedPages(embedPages.data.pages) }));
  const embed = modelEmbedRequestSchema.safeParse(message);
  if (embed.success) return answered(() => host.embed(embed.data.texts));
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
