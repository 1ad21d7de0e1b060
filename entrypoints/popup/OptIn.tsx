import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusLine } from '@/components/StatusLine';
import { errorMessage } from '@/components/useExtensionState';
import { SITE_ORIGINS } from '@/utils/consent/site-access';
import { openDashboard } from './open-dashboard';
import { i18n } from '#i18n';

/** All web pages, the same set the background may inject the page observer into. */
export const SITE_ACCESS = { origins: SITE_ORIGINS };

/** The one consent screen: what is collected, what never is, and the single button that starts it. */
export function OptIn({ optIn, error, kept = 0 }: { optIn: () => Promise<boolean>; error: string | null; kept?: number }) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onClick() {
    setBusy(true);
    setMessage(null);
    try {
      // Must be the first await: the browser only shows its prompt inside the click's user gesture.
      const granted = await browser.permissions.request(SITE_ACCESS);
      if (!granted) {
        setMessage(i18n.t('optIn.notGranted'));
        return;
      }
      await optIn();
    } catch (e) {
      setMessage(i18n.t('changeFailed.optIn', [errorMessage(e)]));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="opt-in">
      <h1>
        <img class="brand-icon" src="/icon/32.png" alt="" width={24} height={24} />
        {i18n.t('ext.name')}
      </h1>
      <p>{i18n.t('optIn.intro')}</p>
      <h2>{i18n.t('optIn.collectedHeading')}</h2>
      <ul>
        <li>{i18n.t('optIn.collectedOrigin')}</li>
        <li>{i18n.t('optIn.collectedText')}</li>
        <li>{i18n.t('optIn.collectedActivity')}</li>
      </ul>
      <h2>{i18n.t('optIn.neverHeading')}</h2>
      <ul>
        <li>{i18n.t('optIn.neverPrivate')}</li>
        <li>{i18n.t('optIn.neverSensitive')}</li>
        <li>{i18n.t('optIn.neverForms')}</li>
      </ul>
      <p>{i18n.t('optIn.encrypted')}</p>
      <p class="muted small">{i18n.t('optIn.accessNote')}</p>
      <button type="button" class="btn btn-primary btn-wide" data-testid="opt-in" disabled={busy} onClick={onClick}>
        {i18n.t('optIn.button')}
      </button>
      <StatusLine message={message} error={error} />
      {kept > 0 && (
        <p class="notice small" data-testid="kept-items">
          {i18n.t('optIn.kept', kept)}{' '}
          <button type="button" class="btn btn-link" onClick={() => void openDashboard()}>
            {i18n.t('optIn.reviewKept')}
          </button>
        </p>
      )}
    </main>
  );
}
