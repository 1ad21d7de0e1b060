import type { Consent } from '@/utils/consent/settings';
import { formatDateTime } from '@/utils/ui/format';
import { isPaused } from '@/utils/consent/settings';
import { oneHourFrom, startOfTomorrow } from '@/utils/ui/pause';
import type { StateChange } from './useExtensionState';
import { i18n } from '#i18n';

export function PauseControls({ consent, busy, change }: { consent: Consent; busy: boolean; change: (r: StateChange) => unknown }) {
  const now = Date.now();
  if (isPaused(consent, now)) {
    return (
      <div class="pause">
        <p data-testid="paused">{i18n.t('pause.pausedUntil', [formatDateTime(consent.pausedUntil!)])}</p>
        <button type="button" class="btn btn-primary" data-testid="resume" disabled={busy} onClick={() => change({ type: 'resume' })}>
          {i18n.t('pause.resume')}
        </button>
      </div>
    );
  }
  return (
    <div class="pause actions">
      <button type="button" class="btn" data-testid="pause-1h" disabled={busy} onClick={() => change({ type: 'pause', until: oneHourFrom(Date.now()) })}>
        {i18n.t('pause.oneHour')}
      </button>
      <button
        type="button"
        class="btn"
        data-testid="pause-tomorrow"
        disabled={busy}
        onClick={() => change({ type: 'pause', until: startOfTomorrow(Date.now()) })}
      >
        {i18n.t('pause.untilTomorrow')}
      </button>
    </div>
  );
}
