import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Consent } from '@/utils/consent/settings';
import { siteForRule } from '@/utils/ui/site-tab';
import { sensitiveReason } from '@/utils/ui/sites';
import type { StateChange } from '@/components/useExtensionState';
import { i18n } from '#i18n';

async function currentSite(): Promise<string | null> {
  const tabs = await browser.tabs.query({ currentWindow: true });
  return siteForRule(tabs, browser.runtime.getURL('/'));
}

export function NeverOnSite({ consent, busy, change }: { consent: Consent; busy: boolean; change: (r: StateChange) => unknown }) {
  const [origin, setOrigin] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    currentSite().then(setOrigin, () => setOrigin(null));
  }, []);

  if (origin === undefined) return null;
  if (origin === null) {
    return (
      <button type="button" class="btn btn-wide" data-testid="never-on-site" disabled>
        {i18n.t('popup.pageNeverCollected')}
      </button>
    );
  }
  const sensitive = sensitiveReason(origin);
  if (sensitive && (consent.siteRules[origin] !== 'allow' || !sensitive.overridable)) {
    return (
      <p class="small muted" data-testid="site-sensitive">
        {i18n.t('popup.siteSensitive', [new URL(origin).host, sensitive.reason])}
      </p>
    );
  }
  if (consent.siteRules[origin] === 'deny') {
    return (
      <div class="site-rule">
        <p class="small" data-testid="site-denied">
          {i18n.t('popup.siteDenied', [origin])}
        </p>
        <button type="button" class="btn" disabled={busy} onClick={() => change({ type: 'set-site-rule', origin, rule: null })}>
          {i18n.t('popup.allowAgain')}
        </button>
      </div>
    );
  }
  return (
    <button
      type="button"
      class="btn btn-wide"
      data-testid="never-on-site"
      data-origin={origin}
      disabled={busy}
      onClick={() => change({ type: 'set-site-rule', origin, rule: 'deny' })}
    >
      {i18n.t('popup.neverCollectOn', [new URL(origin).host])}
    </button>
  );
}
