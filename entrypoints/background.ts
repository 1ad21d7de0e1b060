import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { browsingPause, whenQuiet } from '@/utils/background/browsing-pause';
import { computeWork } from '@/utils/background/compute-work';
import { createEngine } from '@/utils/background/engine';
import { buildState } from '@/utils/background/extension-state';
import { routeMessage } from '@/utils/background/message-router';
import { answerObserver, decidePage } from '@/utils/background/observer-requests';
import { injectObserver, onTabUpdated } from '@/utils/background/page-injection';
import { handleUiRequest } from '@/utils/background/ui-handlers';
import { collectorClient } from '@/utils/collector-client/client';
import { activeCollectorUrl } from '@/utils/community/joined-community';
import { unloadWhenIdle } from '@/utils/models/idle-unload';
import { inPageModels } from '@/utils/models/in-page-models';
import { offscreenModels } from '@/utils/models/model-client';
import type { ModelProgress } from '@/utils/protocol/model-host';
import { db } from '@/utils/store/db';

declare const __COLLECTOR_URL__: string;

const TICK_ALARM = 'tributary-tick';

export default defineBackground({
  type: 'module',
  main() {
    // The built-in community's collector until the user joins another from the options page.
    const collectorUrl = () => activeCollectorUrl(__COLLECTOR_URL__);
    const client = collectorClient(collectorUrl);
    const unloaded: ModelProgress = { type: 'model:progress', state: 'idle', progress: 0 };
    let model = unloaded;
    const unloadFailed = (err: unknown) => console.warn('tributary: models not unloaded', err);
    // Firefox has no offscreen documents: its background page hosts the models itself.
    const models = unloadWhenIdle(import.meta.env.FIREFOX ? inPageModels((p) => (model = p)) : offscreenModels, {
      onUnloaded: () => (model = unloaded),
      onError: unloadFailed,
    });
    const pause = browsingPause();
    const engine = createEngine({ db, client, models, mayProcess: () => pause.takeQuiet(Date.now()) });
    // Idle-time compute for the commons: its own opt-in, started and stopped by chrome.idle.
    const compute = computeWork({ db, client, models, idle: browser.idle, onError: (err) => console.warn('tributary: compute job failed', err) });
    const state = async () => buildState(await db(), model, await collectorUrl(), Date.now(), compute.status());
    const kick = () => void engine.tick().catch((err: unknown) => console.warn('tributary: tick failed', err));
    const activity = whenQuiet(pause, kick);
    const browsingActivity = () => activity(Date.now());
    const decide = async (page: { url: string; incognito: boolean }) => decidePage(page, await collectorUrl(), Date.now());

    browser.runtime.onMessage.addListener((message: unknown, sender) =>
      routeMessage(message, sender, {
        extensionId: browser.runtime.id,
        extensionPagesUrl: browser.runtime.getURL('/'),
        modelProgress: (progress) => (model = progress),
        observer: async (request, page) =>
          answerObserver(request, page, { db, collectorUrl: await collectorUrl(), browsingActivity, detectLanguage: (text) => browser.i18n.detectLanguage(text) }),
        ui: (request) => handleUiRequest(request, { db, engine, state, client, collectorUrl, builtInCollectorUrl: __COLLECTOR_URL__, compute }),
      }),
    );

    browser.tabs.onUpdated.addListener((tabId, change, tab) => {
      onTabUpdated(tabId, change, tab, { decide, browsingActivity, inject: injectObserver }).catch((err: unknown) =>
        console.warn('tributary: page not observed', err),
      );
    });

    browser.alarms.create(TICK_ALARM, { periodInMinutes: 1 });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name !== TICK_ALARM) return;
      kick();
      compute.kick();
      void models.unloadIfIdle().catch(unloadFailed);
    });
    // Work left by a stopped service worker resumes as soon as it wakes.
    kick();
  },
});
