import { browser } from 'wxt/browser';

export const SITE_ORIGINS = ['http://*/*', 'https://*/*'];
const SCRIPT_ID = 'tributary-observer';

/**
 * The content script exists on pages only while the user is opted in and has granted site
 * access; before that, no Tributary code runs on any page.
 */
export async function syncContentScript(active: boolean): Promise<boolean> {
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
  const granted = await browser.permissions.contains({ origins: SITE_ORIGINS });
  const want = active && granted;
  if (want && !registered) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, js: ['content-scripts/content.js'], matches: SITE_ORIGINS, runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
    ]);
  } else if (!want && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
  return want;
}
