import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusLine } from '@/components/StatusLine';
import { errorMessage } from '@/components/useExtensionState';
import { SITE_ORIGINS } from '@/utils/background/page-injection';
import { openDashboard } from './open-dashboard';

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
        setMessage('Site access was not granted, so nothing will be collected. You can try again at any time.');
        return;
      }
      await optIn();
    } catch (e) {
      setMessage(`Could not opt in: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="opt-in">
      <h1>Tributary</h1>
      <p>
        Share what you read with community-owned AI, anonymized on your device, encrypted, and always yours to review and
        delete. Nothing is collected until you opt in.
      </p>
      <h2>What is collected</h2>
      <ul>
        <li>The site's origin (like https://example.com) — never the full address</li>
        <li>The page title and a short excerpt of visible text, anonymized on this device before anything leaves it</li>
        <li>Time on the page while it is visible, how far you scrolled, and how many times you clicked or typed</li>
      </ul>
      <h2>What is never collected</h2>
      <ul>
        <li>Private (incognito) windows</li>
        <li>Sensitive sites: banking, health, adult, government ID, webmail, password managers</li>
        <li>Login and checkout pages, password fields and anything you type into forms</li>
      </ul>
      <p>
        Everything is encrypted to the collector before it is sent. You can pause, review, edit and delete it at any time —
        including what was already sent.
      </p>
      <p class="muted small">Opting in asks your browser for access to web pages, which Tributary needs to read them.</p>
      <button type="button" class="btn btn-primary btn-wide" data-testid="opt-in" disabled={busy} onClick={onClick}>
        Opt in
      </button>
      <StatusLine message={message} error={error} />
      {kept > 0 && (
        <p class="notice small" data-testid="kept-items">
          Nothing is being collected. {kept} {kept === 1 ? 'item collected earlier is' : 'items collected earlier are'} still on this
          device (waiting items are not sent while you are opted out).{' '}
          <button type="button" class="btn btn-link" onClick={() => void openDashboard()}>
            Review or delete them
          </button>
        </p>
      )}
    </main>
  );
}
