import { useState } from 'preact/hooks';
import type { Consent } from '@/utils/consent/settings';
import type { SiteRule } from '@/utils/messages';
import { parseOriginInput } from '@/utils/ui/origin';
import { sensitiveNote, sensitiveReason } from '@/utils/ui/sites';
import type { DashboardActions } from './Dashboard';

export function SitesView({ consent, actions, busy }: { consent: Consent; actions: DashboardActions; busy: boolean }) {
  const [input, setInput] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const rules = Object.entries(consent.siteRules).sort(([a], [b]) => a.localeCompare(b));

  async function add(rule: SiteRule) {
    const parsed = parseOriginInput(input);
    if (!parsed.ok) {
      setInputError(parsed.error);
      return;
    }
    setInputError(null);
    const { origin } = parsed;
    const apply = async () => {
      const verb = rule === 'deny' ? 'Never collecting on' : 'Allowing';
      if (await actions.run({ type: 'set-site-rule', origin, rule }, `${verb} ${origin}.`)) setInput('');
    };
    const sensitive = sensitiveReason(origin);
    if (rule === 'allow' && sensitive) {
      actions.confirm({
        title: `Allow ${origin}?`,
        body: (
          <p>
            This is a {sensitive.reason} site, excluded by default because what you read there can reveal private matters.
            {sensitive.overridable ? '' : ' Its pages stay excluded even with this rule.'}
          </p>
        ),
        confirmLabel: 'Allow',
        tone: 'primary',
        onConfirm: () => void apply(),
      });
      return;
    }
    await apply();
  }

  return (
    <div>
      <p>
        Sensitive sites — banking, health, adult, government ID, webmail and password managers — are excluded by default.
        Login and checkout pages, password fields and form inputs are never collected, even on sites you allow.
      </p>
      <form class="site-form" onSubmit={(e) => (e.preventDefault(), void add('deny'))}>
        <label class="field">
          <span>Site</span>
          <input
            type="text"
            value={input}
            placeholder="https://example.com"
            data-testid="site-rule-input"
            aria-invalid={inputError !== null}
            aria-describedby="site-rule-error"
            onInput={(e) => setInput(e.currentTarget.value)}
          />
        </label>
        <p id="site-rule-error" class="field-error" data-testid="site-rule-error">
          {inputError ?? ''}
        </p>
        <div class="actions">
          <button type="submit" class="btn btn-primary" data-testid="site-rule-deny" disabled={busy}>
            Never collect here
          </button>
          <button type="button" class="btn" data-testid="site-rule-allow" disabled={busy} onClick={() => void add('allow')}>
            Allow
          </button>
        </div>
        <p class="muted small">"Allow" overrides the sensitive-site list for that site only; login and checkout pages stay excluded.</p>
      </form>

      <h2>Your site rules</h2>
      {rules.length === 0 ? (
        <p class="muted">No rules yet.</p>
      ) : (
        <ul class="rule-list">
          {rules.map(([origin, rule]) => (
            <li key={origin} data-testid="site-rule" data-origin={origin} data-rule={rule}>
              <span class={`badge badge-rule-${rule}`}>{rule === 'deny' ? 'Never' : 'Allowed'}</span>
              <span class="mono">{origin}</span>
              <span class="muted small">{sensitiveNote(origin, rule)}</span>
              <button
                type="button"
                class="btn btn-link"
                data-testid="site-rule-remove"
                disabled={busy}
                onClick={() => void actions.run({ type: 'set-site-rule', origin, rule: null }, `Rule for ${origin} removed.`)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
