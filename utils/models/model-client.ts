import { browser } from 'wxt/browser';
import type { z } from 'zod';
import {
  modelAnonymizeReplySchema,
  modelEmbedReplySchema,
  modelReplySchema,
  powerReplySchema,
  type AnonymizedPage,
  type Embedded,
  type ModelAnonymizeRequest,
  type ModelEmbedPagesRequest,
  type ModelReply,
  type ModelEmbedRequest,
  type PageText,
  type PowerRequest,
  type ProcessedPage,
} from '../protocol/model-host';
import type { PowerSource } from '../compute/gate';

/** The slice of Chrome's offscreen API we use; webextension-polyfill does not wrap it. */
interface OffscreenApi {
  createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

const OFFSCREEN_PATH = '/offscreen.html';

function offscreenApi(): OffscreenApi {
  const api = (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
  if (!api) throw new Error('offscreen documents are not available in this browser');
  return api;
}

let creating: Promise<void> | null = null;

async function hasOffscreenDocument(): Promise<boolean> {
  const api = offscreenApi();
  if (api.hasDocument) return api.hasDocument();
  const contexts = await (browser.runtime as unknown as { getContexts(f: object): Promise<unknown[]> }).getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT'],
  });
  return contexts.length > 0;
}

async function ensureOffscreenDocument(): Promise<void> {
  if (await hasOffscreenDocument()) return;
  creating ??= offscreenApi()
    .createDocument({
      url: browser.runtime.getURL(OFFSCREEN_PATH),
      reasons: ['WORKERS'],
      justification: 'Runs the on-device anonymization and embedding models (WebAssembly).',
    })
    .finally(() => (creating = null));
  await creating;
}

type HostRequest = ModelAnonymizeRequest | ModelEmbedPagesRequest | ModelEmbedRequest | PowerRequest;

async function ask<S extends z.ZodType>(request: HostRequest, schema: S): Promise<z.output<S>> {
  await ensureOffscreenDocument();
  const reply = schema.safeParse(await browser.runtime.sendMessage(request));
  if (!reply.success) throw new Error('the model host sent no valid answer');
  return reply.data;
}

/** Chrome: the models run in the offscreen document, reached by messages. */
export const offscreenModels = {
  async anonymize(pages: PageText[]): Promise<AnonymizedPage[]> {
    const reply = await ask({ type: 'model:anonymize', target: 'offscreen', pages }, modelAnonymizeReplySchema);
    if (!reply.ok) throw new Error(reply.error);
    if (reply.pages.length !== pages.length) throw new Error('the model host answered the wrong number of pages');
    return reply.pages;
  },
  async embedPages(pages: AnonymizedPage[]): Promise<ProcessedPage[]> {
    const reply: ModelReply = await ask({ type: 'model:embed-pages', target: 'offscreen', pages }, modelReplySchema);
    if (!reply.ok) throw new Error(reply.error);
    if (reply.pages.length !== pages.length) throw new Error('the model host answered the wrong number of pages');
    return reply.pages;
  },
  async embed(texts: string[]): Promise<Embedded> {
    const reply = await ask({ type: 'model:embed', target: 'offscreen', texts }, modelEmbedReplySchema);
    if (!reply.ok) throw new Error(reply.error);
    if (reply.vectors.length !== texts.length) throw new Error('the model host answered the wrong number of vectors');
    return { vectors: reply.vectors, model: reply.model };
  },
  /** Asked only when the user limited compute to AC power: it starts the model host's document. */
  async power(): Promise<PowerSource> {
    return (await ask({ type: 'model:power', target: 'offscreen' }, powerReplySchema)).power;
  },
  /** Frees the models' memory; they load again on the next page. */
  async unload(): Promise<void> {
    if (await hasOffscreenDocument()) await offscreenApi().closeDocument();
  },
};
