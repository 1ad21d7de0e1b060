import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SITE_ACCESS } from './OptIn';
import { i18n } from '#i18n';

/**
 * Opted in, but site access was since withdrawn in the browser's settings: nothing can be
 * collected, and the person should know why and how to restore it.
 */
export function SiteAccessNotice({ reOptIn }: { reOptIn: () => Promise<boolean> }) {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    browser.permissions.contains(SITE_ACCESS).then(setGranted, () => setGranted(null));
  }, []);
  if (granted !== false) return null;
  return (
    <div class="notice notice-warn" data-testid="site-access-missing">
      <p>{i18n.t('popup.siteAccessOff')}</p>
      <button
        type="button"
        class="btn"
        onClick={async () => {
          if (await browser.permissions.request(SITE_ACCESS)) {
            setGranted(true);
            // Opting in again makes the background register its page observer now that access exists.
            await reOptIn();
          }
        }}
      >
        {i18n.t('popup.allowSiteAccess')}
      </button>
    </div>
  );
}
