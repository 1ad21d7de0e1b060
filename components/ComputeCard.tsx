import type { ExtensionState } from '@/utils/protocol/ui';
import { formatDateTime } from '@/utils/ui/format';
import { oneHourFrom } from '@/utils/ui/pause';
import type { StateChange } from './useExtensionState';
import { i18n } from '#i18n';

type Compute = ExtensionState['compute'];

function statusText(compute: Compute, now: number): string | null {
  const { settings } = compute;
  if (settings.pausedUntil !== null && now < settings.pausedUntil) return i18n.t('compute.pausedUntil', [formatDateTime(settings.pausedUntil)]);
  if (compute.running) return i18n.t('compute.running');
  switch (compute.blocked) {
    case 'user-active':
      return i18n.t('compute.waitingIdle');
    case 'on-battery':
      return i18n.t('compute.onBattery');
    case 'daily-limit':
      return i18n.t('compute.dailyLimit');
    default:
      return i18n.t('compute.ready');
  }
}

/** The second opt-in: idle-time computation for the commons, its limits, a pause, and today's use. */
export function ComputeCard({ compute, busy, change }: { compute: Compute; busy: boolean; change: (r: StateChange) => unknown }) {
  const { settings, today } = compute;
  const now = Date.now();
  const paused = settings.pausedUntil !== null && now < settings.pausedUntil;
  return (
    <fieldset class="toggles compute" data-testid="compute">
      <legend>{i18n.t('compute.legend')}</legend>
      <label class="toggle">
        <input
          type="checkbox"
          checked={settings.enabled}
          disabled={busy}
          data-testid="compute-enabled"
          onChange={(e) => change({ type: 'set-compute', settings: { enabled: e.currentTarget.checked } })}
        />
        <span>
          {i18n.t('compute.enable')} <span class="muted small">— {i18n.t('compute.hint')}</span>
        </span>
      </label>
      {settings.enabled && (
        <>
          <p class="small" data-testid="compute-today">
            {i18n.t('compute.today', [Math.round(today.modelMs / 60_000), settings.minutesPerDay, today.shards])}
          </p>
          <p class="small muted" data-testid="compute-status" aria-live="polite">
            {statusText(compute, now)}
          </p>
          <label class="toggle">
            <span>{i18n.t('compute.minutes')}</span>
            <input
              type="number"
              min={1}
              max={1440}
              value={settings.minutesPerDay}
              disabled={busy}
              data-testid="compute-minutes"
              onChange={(e) => {
                const minutes = Number(e.currentTarget.value);
                if (Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440) void change({ type: 'set-compute', settings: { minutesPerDay: minutes } });
              }}
            />
          </label>
          <label class="toggle">
            <input
              type="checkbox"
              checked={settings.acOnly}
              disabled={busy}
              data-testid="compute-ac-only"
              onChange={(e) => change({ type: 'set-compute', settings: { acOnly: e.currentTarget.checked } })}
            />
            <span>{i18n.t('compute.acOnly')}</span>
          </label>
          {settings.acOnly && compute.power === 'unknown' && <p class="small muted">{i18n.t('compute.powerUnknown')}</p>}
          {paused ? (
            <button type="button" class="btn" data-testid="compute-resume" disabled={busy} onClick={() => change({ type: 'resume-compute' })}>
              {i18n.t('pause.resume')}
            </button>
          ) : (
            <button type="button" class="btn" data-testid="compute-pause" disabled={busy} onClick={() => change({ type: 'pause-compute', until: oneHourFrom(Date.now()) })}>
              {i18n.t('pause.oneHour')}
            </button>
          )}
        </>
      )}
    </fieldset>
  );
}
