import { PauseControls } from '@/components/PauseControls';
import { SignalToggles } from '@/components/SignalToggles';
import type { ExtensionState } from '@/utils/state';
import type { DashboardActions } from './Dashboard';

export function SettingsView({ state, actions, busy }: { state: ExtensionState; actions: DashboardActions; busy: boolean }) {
  const { consent } = state;
  return (
    <div class="settings">
      {consent.optedIn && (
        <PauseControls
          consent={consent}
          busy={busy}
          change={(req) => actions.run(req, req.type === 'resume' ? 'Collecting again.' : 'Paused.')}
        />
      )}
      <SignalToggles
        signals={consent.signals}
        disabled={busy}
        onChange={(signals) => void actions.run({ type: 'set-signals', signals }, 'Signals updated.')}
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
              e.currentTarget.checked ? 'New items now wait for your approval.' : 'Items are sent without review.',
            )
          }
        />
        <span>
          Review before sending <span class="muted small">— new items wait in Items until you approve them</span>
        </span>
      </label>

      <h2>Sending</h2>
      <p class="muted small">
        Collector: <span class="mono">{state.collectorUrl}</span>
        <br />
        This device's key: <span class="mono">{state.devicePub ?? 'none yet (made at opt-in)'}</span>
      </p>
      <button type="button" class="btn" data-testid="flush" disabled={busy || !consent.optedIn} onClick={() => void actions.run({ type: 'flush' }, 'Sending now.')}>
        Send waiting items now
      </button>

      <h2>Leave</h2>
      <p>
        Opts you out, asks the collector to delete everything it holds from this device, then deletes all local data and this
        device's key.
      </p>
      <button
        type="button"
        class="btn btn-danger"
        data-testid="leave"
        disabled={busy}
        onClick={() =>
          actions.confirm({
            title: 'Leave and delete everything?',
            body: <p>This cannot be undone. Your unclaimed reward balance is withdrawn with the data.</p>,
            confirmLabel: 'Leave and delete',
            typeToConfirm: 'DELETE',
            onConfirm: () => void actions.run({ type: 'leave' }, 'You have left: everything was deleted.'),
          })
        }
      >
        Leave and delete everything
      </button>
    </div>
  );
}
