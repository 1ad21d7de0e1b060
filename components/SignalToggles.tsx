import type { SignalToggles as Signals } from '@/utils/consent/settings';
import { i18n } from '#i18n';

const SIGNALS: { key: keyof Signals; label: () => string; hint: () => string }[] = [
  { key: 'text', label: () => i18n.t('signals.textLabel'), hint: () => i18n.t('signals.textHint') },
  { key: 'dwell', label: () => i18n.t('signals.dwellLabel'), hint: () => i18n.t('signals.dwellHint') },
  { key: 'scroll', label: () => i18n.t('signals.scrollLabel'), hint: () => i18n.t('signals.scrollHint') },
];

export function SignalToggles({ signals, disabled, onChange }: { signals: Signals; disabled?: boolean; onChange: (next: Signals) => void }) {
  return (
    <fieldset class="toggles">
      <legend>{i18n.t('signals.legend')}</legend>
      {SIGNALS.map(({ key, label, hint }) => (
        <label class="toggle" key={key}>
          <input
            type="checkbox"
            checked={signals[key]}
            disabled={disabled}
            data-testid={`signal-${key}`}
            onChange={(e) => onChange({ ...signals, [key]: e.currentTarget.checked })}
          />
          <span>
            {label()} <span class="muted small">— {hint()}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
