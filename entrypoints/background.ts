import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { browsingPause, QUIET_MS } from '@/utils/background/browsing-pause';
import { createEngine } from '@/utils/background/engine';
import { recordObservation } from '@/utils/items/item-store';
import { buildState } from '@/utils/background/state';
import { updateStatus } from '@/utils/background/status';
import { injectObserver, onTabUpdated } from '@/utils/background/page-injection';
import { handleUiRequest } from '@/utils/background/ui-handlers';
import { collectorClient } from '@/utils/collector-client/client';
import { readConsent } from '@/utils/consent/settings';
import { decideCollection } from '@/utils/consent/policy';
import { contentMessageSchema, modelProgressSchema, uiRequestSchema, type CollectPolicyReply, type ModelProgress } from '@/utils/messages';
import { offscreenModels } from '@/utils/models/model-client';
import { db } from '@/utils/store/db';
import type { UiReply } from '@/utils/state';

declare const __COLLECTOR_URL__: string;

const TICK_ALARM = 'tributary-tick';
const IDLE_UNLOAD_MS = 5 * 60_000;

export default defineBackground({
  type: 'module',
  main() {
    const client = collectorClient(__COLLECTOR_URL__);
    let model: ModelProgress = { type: 'model:progress', state: 'idle', progress: 0 };
    let lastModelUse = 0;

    // Firefox has no offscreen documents, but its background is a page that may run WASM.
    const models = import.meta.env.FIREFOX ? inPageModels((p) => (model = p)) : offscreenModels;
    const process: typeof models.process = (pages) => {
      lastModelUse = Date.now();
      return models.process(pages);
    };
    const pause = browsingPause();
    const engine = createEngine({ db, client, models: { process }, mayProcess: () => pause.takeQuiet(Date.now()) });
    const state = async () => buildState(await db(), model, __COLLECTOR_URL__, Date.now());
    const kick = () => void engine.tick().catch((err: unknown) => console.warn('tributary: tick failed', err));
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    const browsingActivity = () => {
      pause.activity(Date.now());
      clearTimeout(quietTimer);
      quietTimer = setTimeout(kick, QUIET_MS);
    };

    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const progress = modelProgressSchema.safeParse(message);
      if (progress.success) {
        model = progress.data;
        return undefined;
      }
      // Extension pages (popup, dashboard — even when open in a tab) speak the UI protocol;
      // anything else comes from a content script on a web page.
      const fromExtensionPage = sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
      if (!fromExtensionPage) {
        if (!sender.tab) return undefined;
        const parsed = contentMessageSchema.safeParse(message);
        if (!parsed.success || !sender.tab.url) return undefined;
        return onContentMessage(parsed.data, { url: sender.tab.url, incognito: sender.tab.incognito });
      }
      const ui = uiRequestSchema.safeParse(message);
      if (!ui.success) return undefined;
      return handleUiRequest(ui.data, { db, engine, state, client, collectorUrl: __COLLECTOR_URL__ }).then(
        (value): UiReply<unknown> => ({ ok: true, value }),
        (err: unknown): UiReply<unknown> => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
    });

    const decide = async (page: { url: string; incognito: boolean }) => {
      const consent = await readConsent();
      const isCollector = new URL(page.url).origin === new URL(__COLLECTOR_URL__).origin;
      return { consent, decision: isCollector ? { collect: false } : decideCollection(consent, page, Date.now()) };
    };

    browser.tabs.onUpdated.addListener((tabId, change, tab) => {
      onTabUpdated(tabId, change, tab, { decide, browsingActivity, inject: injectObserver }).catch((err: unknown) =>
        console.warn('tributary: page not observed', err),
      );
    });

    async function onContentMessage(
      message: ReturnType<typeof contentMessageSchema.parse>,
      page: { url: string; incognito: boolean },
    ): Promise<CollectPolicyReply | null> {
      const { consent, decision } = await decide(page);
      if (message.type === 'collect-policy') return { collect: decision.collect, signals: consent.signals };
      // Checked again on arrival: consent may have changed while the user read the page.
      if (!decision.collect || message.observation.origin !== new URL(page.url).origin) return null;
      const { dropped } = await recordObservation(await db(), message.observation);
      if (dropped > 0) await updateStatus((s) => ({ ...s, droppedNotice: s.droppedNotice + dropped }));
      browsingActivity();
      return null;
    }

    browser.alarms.create(TICK_ALARM, { periodInMinutes: 1 });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name !== TICK_ALARM) return;
      kick();
      if (model.state === 'ready' && Date.now() - lastModelUse > IDLE_UNLOAD_MS) void models.unload();
    });
    // Work left by a stopped service worker resumes as soon as it wakes.
    kick();
  },
});

function inPageModels(report: (p: ModelProgress) => void) {
  let host: Promise<import('@/utils/models/model-host').ModelHost> | null = null;
  const get = () =>
    (host ??= Promise.all([import('@/utils/models/model-host'), import('@/utils/models/browser-runners')]).then(
      ([{ createModelHost }, { loadBrowserRunners }]) => createModelHost(loadBrowserRunners, report),
    ));
  return {
    process: async (pages: Parameters<typeof offscreenModels.process>[0]) => (await get()).process(pages),
    unload: async () => (await get()).unload(),
  };
}
