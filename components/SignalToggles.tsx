import type { SignalToggles as Signals } from '@/utils/messages';

const SIGNALS: { key: keyof Signals; label: string; hint: string }[] = [
  { key: 'text', label: 'Page title and text excerpt', hint: 'anonymized on this device first' },
  { key: 'dwell', label: 'Time on page', hint: 'only while the tab is visible' },
  { key: 'scroll', label: 'Scroll depth and interaction count', hint: 'how far you read, how often you clicked or typed' },
];

export function SignalToggles({ signals, disabled, onChange }: { signals: Signals; disabled?: boolean; onChange: (next: Signals) => void }) {
  return (
    <fieldset class="toggles">
      <legend>What is collected</legend>
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
            {label} <span class="muted small">— {hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
