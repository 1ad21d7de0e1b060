import { CollectorStatus } from '@/components/CollectorStatus';
import { ComputeCard } from '@/components/ComputeCard';
import { ModelProgress } from '@/components/ModelProgress';
import { PauseControls } from '@/components/PauseControls';
import { SignalToggles } from '@/components/SignalToggles';
import { RewardsCard } from '@/components/RewardsCard';
import { StateSummary } from '@/components/StateSummary';
import { StatusLine } from '@/components/StatusLine';
import { useExtensionState } from '@/components/useExtensionState';
import { NeverOnSite } from './NeverOnSite';
import { openDashboard } from './open-dashboard';
import { OptIn } from './OptIn';
import { SiteAccessNotice } from './SiteAccessNotice';
import { i18n } from '#i18n';

const POLL_MS = 1000;

export function Popup() {
  const { state, error, busy, change } = useExtensionState(POLL_MS);

  if (!state) {
    return (
      <main>
        <h1>{i18n.t('ext.name')}</h1>
        <StatusLine message={i18n.t('common.loading')} error={error} />
      </main>
    );
  }
  if (!state.consent.optedIn) {
    const kept = Object.values(state.items).reduce((a, b) => a + b, 0);
    // Compute is a separate opt-in: it is offered whether or not browsing data is shared.
    return (
      <>
        <OptIn optIn={() => change({ type: 'opt-in' })} error={error} kept={kept} />
        <section class="popup">
          <ComputeCard compute={state.compute} busy={busy} change={change} />
        </section>
      </>
    );
  }

  const { consent } = state;
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>
          <img class="brand-icon" src="/icon/32.png" alt="" width={24} height={24} />
          {i18n.t('ext.name')}
        </h1>
        <button type="button" class="btn btn-link" onClick={() => void openDashboard()} data-testid="open-dashboard">
          {i18n.t('popup.openDashboard')}
        </button>
      </header>

      {state.droppedNotice > 0 && (
        <p class="notice notice-warn" data-testid="dropped-notice">
          {i18n.t('popup.dropped', state.droppedNotice)}{' '}
          <button type="button" class="link" data-testid="dismiss-dropped" onClick={() => change({ type: 'dismiss-dropped-notice' })}>
            {i18n.t('common.dismiss')}
          </button>
        </p>
      )}

      <SiteAccessNotice reOptIn={() => change({ type: 'opt-in' })} />
      <StateSummary state={state} />
      <RewardsCard rewards={state.rewards} balance={state.balance} />
      <CollectorStatus collector={state.collector} />
      <ModelProgress model={state.model} />

      <PauseControls consent={consent} busy={busy} change={change} />
      <NeverOnSite consent={consent} busy={busy} change={change} />
      <SignalToggles signals={consent.signals} disabled={busy} onChange={(signals) => change({ type: 'set-signals', signals })} />
      <ComputeCard compute={state.compute} busy={busy} change={change} />

      <footer class="popup-foot">
        <button type="button" class="btn btn-danger-quiet" data-testid="opt-out" disabled={busy} onClick={() => change({ type: 'opt-out' })}>
          {i18n.t('popup.optOut')}
        </button>
      </footer>
      <StatusLine error={error} />
    </main>
  );
}
