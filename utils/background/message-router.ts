import { observerMessageSchema, type CollectPolicy, type ObserverMessage } from '../protocol/page-observer';
import { modelProgressSchema, type ModelProgress } from '../protocol/model-host';
import { uiRequestSchema, type ExtensionState, type ItemsReply, type RedeemableTokensReply, type UiReply, type UiRequest } from '../protocol/ui';
import type { TdmRule } from '../consent/tdm';
import type { ObservedPage } from './observer-requests';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { url?: string; incognito: boolean };
}

export interface MessageHandlers {
  /** This extension's id and the URL its own pages start with. */
  extensionId: string;
  extensionPagesUrl: string;
  modelProgress(progress: ModelProgress): void;
  observer(message: ObserverMessage, page: ObservedPage): Promise<CollectPolicy | TdmRule[] | null>;
  ui(request: UiRequest): Promise<ExtensionState | ItemsReply | RedeemableTokensReply>;
}

/**
 * Sorts one runtime message by who sent it and validates it against that boundary's protocol
 * (utils/protocol/): anything malformed, or from elsewhere, is left unanswered. Returns the reply
 * promise, or undefined for "not answered here".
 */
export function routeMessage(message: unknown, sender: MessageSender, handlers: MessageHandlers): Promise<unknown> | undefined {
  if (sender.id !== handlers.extensionId) return undefined;
  const progress = modelProgressSchema.safeParse(message);
  if (progress.success) {
    handlers.modelProgress(progress.data);
    return undefined;
  }
  // Extension pages (popup, dashboard — even when open in a tab) speak the UI protocol;
  // anything else comes from the page observer on a web page.
  const fromExtensionPage = sender.url?.startsWith(handlers.extensionPagesUrl) ?? false;
  if (!fromExtensionPage) {
    const observer = observerMessageSchema.safeParse(message);
    if (!observer.success || !sender.tab?.url || !sameOrigin(observer.data.url, sender.tab.url)) return undefined;
    return handlers.observer(observer.data, { url: observer.data.url, incognito: sender.tab.incognito });
  }
  const ui = uiRequestSchema.safeParse(message);
  if (!ui.success) return undefined;
  return handlers.ui(ui.data).then(
    (value): UiReply<unknown> => ({ ok: true, value }),
    (err: unknown): UiReply<unknown> => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
}

/** True when both are web addresses of one origin (a route of the sending tab's document). */
function sameOrigin(url: string, tabUrl: string): boolean {
  if (!URL.canParse(url) || !URL.canParse(tabUrl)) return false;
  const origin = new URL(url).origin;
  return origin !== 'null' && origin === new URL(tabUrl).origin;
}
