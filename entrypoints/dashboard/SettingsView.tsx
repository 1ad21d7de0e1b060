import { PauseControls } from '@/components/PauseControls';
import { SignalToggles } from '@/components/SignalToggles';
import type { ExtensionState } from '@/utils/protocol/ui';
import type { DashboardActions } from './Dashboard';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';

export function SettingsView({ state, actions, busy }: { state: ExtensionState; actions: DashboardActions; busy: boolean }) {
  const { consent } = state;
  return (
    <div class="settings">
      {consent.optedIn && (
        <PauseControls
          consent={consent}
          busy={busy}
          change={(req) => actions.run(req, req.type === 'resume' ? i18n.t('settings.collectingAgain') : i18n.t('settings.paused'))}
        />
      )}
      <SignalToggles
        signals={consent.signals}
        disabled={busy}
        onChange={(signals) => void actions.run({ type: 'set-signals', signals }, i18n.t('settings.signalsUpdated'))}
      />

      <label class="toggle">
        <input
          type="checkbox"
          checked={consent.reviewBeforeSending}
          disabled={busy}
          data-testid="review-mode"
          onChange={(e) =>
            void actions.run(
              { type: 'set-review-mode', reviewBeforeSending: e.currentTarget.checked },
              e.currentTarget.checked ? i18n.t('settings.reviewOn') : i18n.t('settings.reviewOff'),
            )
          }
        />
        <span>
          {i18n.t('settings.reviewLabel')} <span class="muted small">— {i18n.t('settings.reviewHint')}</span>
        </span>
      </label>

      <h2>{i18n.t('settings.sending')}</h2>
      <p class="muted small">
        {i18n.t('settings.collectorLabel')} <span class="mono">{state.collectorUrl}</span>{' '}
        <button type="button" class="btn-link" data-testid="change-community" onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('settings.changeCommunity')}
        </button>
        <br />
        {i18n.t('settings.deviceKeyLabel')} <span class="mono">{state.devicePub ?? i18n.t('settings.noKeyYet')}</span>
      </p>
      <button type="button" class="btn" data-testid="flush" disabled={busy || !consent.optedIn} onClick={() => void actions.run({ type: 'flush' }, i18n.t('settings.sendingNow'))}>
        {i18n.t('settings.sendNow')}
      </button>

      <h2>{i18n.t('settings.leaveHeading')}</h2>
      <p>{i18n.t('settings.leaveText')}</p>
      <button
        type="button"
        class="btn btn-danger"
        data-testid="leave"
        disabled={busy}
        onClick={() =>
          actions.confirm({
            title: i18n.t('settings.leaveTitle'),
            body: <p>{i18n.t('settings.leaveBody')}</p>,
            confirmLabel: i18n.t('settings.leaveConfirm'),
            typeToConfirm: i18n.t('settings.leaveWord'),
            onConfirm: () => void actions.run({ type: 'leave' }, i18n.t('settings.left')),
          })
        }
      >
        {i18n.t('settings.leaveButton')}
      </button>
    </div>
  );
}
