import { browser } from 'wxt/browser';
import { loadBrowserRunners } from '@/utils/models/browser-runners';
import { createModelHost } from '@/utils/models/model-host';
import { serveModelRequests } from '@/utils/models/serve-model-requests';

// Chrome's service worker cannot run the models (no DOM, no dynamic import); this offscreen
// document hosts them and answers the background.
const host = createModelHost(loadBrowserRunners, (progress) => {
  void browser.runtime.sendMessage(progress).catch(() => undefined);
});
serveModelRequests(host);
