import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { claimDocument } from '@/utils/collect/claim-document';
import { observeRoutes } from '@/utils/collect/route-visits';
import { fetchTdmRep } from '@/utils/collect/tdm-sources';
import type { TdmRule } from '@/utils/consent/tdm';
import type { CollectPolicy, ObserverMessage } from '@/utils/protocol/page-observer';

// Injected by the background into a page that has finished loading and that it has decided may
// be observed (utils/background/page-injection.ts). An unlisted script rather than a WXT content
// script: WXT's content-script context announces itself to the page (window.postMessage and a
// DOM event carrying the extension id), and a page must not be able to tell that Tributary runs.
export default defineUnlistedScript(() => {
  if (!claimDocument(window)) return;
  const stop = observeRoutes(window, {
    // Asked again for each route: consent, pause, incognito and site rules are decided in one place,
    // the background. No answer (the extension was updated or removed meanwhile) means no observing.
    // The answer comes from this extension's own background and is not parsed here: zod would add
    // ~126 KB to a script injected into every observed page (49 KB without it).
    policy: async (url) => {
      const ask: ObserverMessage = { type: 'collect-policy', url };
      return (await browser.runtime.sendMessage(ask).catch(() => undefined)) as CollectPolicy | undefined;
    },
    send: (observation, url) => {
      const message: ObserverMessage = { type: 'page-observation', url, observation };
      // An extension updated or removed meanwhile can no longer be told: the visit is dropped.
      void browser.runtime.sendMessage(message).catch(stop);
    },
    // The page asks its own origin; the background validates and keeps the answer for the origin.
    tdmFile: async () => {
      const message: ObserverMessage = { type: 'tdmrep', url: window.location.href, response: await fetchTdmRep(window) };
      return ((await browser.runtime.sendMessage(message).catch(() => null)) as TdmRule[] | null) ?? [];
    },
  });
});
