import { browser } from 'wxt/browser';
import { modelRequestSchema, type ModelReply } from '../protocol/model-host';
import type { ModelHost } from './model-host';

export async function answerModelRequest(host: ModelHost, message: unknown): Promise<ModelReply | undefined> {
  const parsed = modelRequestSchema.safeParse(message);
  if (!parsed.success) return undefined;
  try {
    return { ok: true, pages: await host.process(parsed.data.pages) };
  } catch (err) {
    return { ok: false, error: String(err).slice(0, 500) };
  }
}

/** Answers model requests addressed to this context; every other message is left to others. */
export function serveModelRequests(host: ModelHost): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { target?: unknown } | null)?.target !== 'offscreen') return undefined;
    return answerModelRequest(host, message);
  });
}
