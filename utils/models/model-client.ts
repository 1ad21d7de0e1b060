import { browser } from 'wxt/browser';
import { modelReplySchema, type ModelReply, type ModelRequest, type PageText, type ProcessedPage } from '../protocol/model-host';

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

async function ask(request: ModelRequest): Promise<ModelReply> {
  await ensureOffscreenDocument();
  const reply = modelReplySchema.safeParse(await browser.runtime.sendMessage(request));
  if (!reply.success) throw new Error('the model host sent no valid answer');
  return reply.data;
}

/** Chrome: the models run in the offscreen document, reached by messages. */
export const offscreenModels = {
  async process(pages: PageText[]): Promise<ProcessedPage[]> {
    const reply = await ask({ type: 'model:process', target: 'offscreen', pages });
    if (!reply.ok) throw new Error(reply.error);
    if (reply.pages.length !== pages.length) throw new Error('the model host answered the wrong number of pages');
    return reply.pages;
  },
  /** Frees the models' memory; they load again on the next page. */
  async unload(): Promise<void> {
    if (await hasOffscreenDocument()) await offscreenApi().closeDocument();
  },
};
