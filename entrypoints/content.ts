import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { afterLoad } from '@/utils/collect/after-load';
import { observePage } from '@/utils/collect/page-observer';
import type { CollectPolicyReply, ContentMessage } from '@/utils/messages';

// Registered by the background only after opt-in (site access is asked for then, not at
// install), and it still asks before observing: consent, pause, incognito and site rules are
// decided in one place, the background.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  runAt: 'document_idle',
  async main(ctx) {
    await afterLoad(window);
    const ask: ContentMessage = { type: 'collect-policy' };
    const policy = (await browser.runtime.sendMessage(ask)) as CollectPolicyReply | undefined;
    if (!policy?.collect || ctx.isInvalid) return;
    const stop = observePage(window, {
      signals: policy.signals,
      send: (observation) => {
        const message: ContentMessage = { type: 'page-observation', observation };
        void browser.runtime.sendMessage(message).catch(() => undefined);
      },
    });
    ctx.onInvalidated(stop);
  },
});
