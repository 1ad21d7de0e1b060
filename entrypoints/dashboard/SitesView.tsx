import { useState } from 'preact/hooks';
import type { Consent } from '@/utils/consent/settings';
import type { SiteRule } from '@/utils/consent/settings';
import { parseOriginInput } from '@/utils/ui/origin';
import { sensitiveNote, sensitiveReason } from '@/utils/ui/sites';
import type { DashboardActions } from './Dashboard';
import { i18n } from '#i18n';

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
      const done = rule === 'deny' ? i18n.t('sites.neverCollectingOn', [origin]) : i18n.t('sites.allowing', [origin]);
      if (await actions.run({ type: 'set-site-rule', origin, rule }, done)) setInput('');
    };
    const sensitive = sensitiveReason(origin);
    if (rule === 'allow' && sensitive) {
      actions.confirm({
        title: i18n.t('sites.allowTitle', [origin]),
        body: (
          <p>
            {i18n.t('sites.allowSensitive', [sensitive.reason])}
            {sensitive.overridable ? '' : ` ${i18n.t('sites.staysExcluded')}`}
          </p>
        ),
        confirmLabel: i18n.t('common.allow'),
        tone: 'primary',
        onConfirm: () => void apply(),
      });
      return;
    }
    await apply();
  }

  return (
    <div>
      <p>{i18n.t('sites.intro')}</p>
      <form class="site-form" onSubmit={(e) => (e.preventDefault(), void add('deny'))}>
        <label class="field">
          <span>{i18n.t('sites.site')}</span>
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
            {i18n.t('sites.neverHere')}
          </button>
          <button type="button" class="btn" data-testid="site-rule-allow" disabled={busy} onClick={() => void add('allow')}>
            {i18n.t('common.allow')}
          </button>
        </div>
        <p class="muted small">{i18n.t('sites.allowNote')}</p>
      </form>

      <h2>{i18n.t('sites.yourRules')}</h2>
      {rules.length === 0 ? (
        <p class="muted">{i18n.t('sites.noRules')}</p>
      ) : (
        <ul class="rule-list">
          {rules.map(([origin, rule]) => (
            <li key={origin} data-testid="site-rule" data-origin={origin} data-rule={rule}>
              <span class={`badge badge-rule-${rule}`}>{rule === 'deny' ? i18n.t('sites.ruleNever') : i18n.t('sites.ruleAllowed')}</span>
              <span class="mono">{origin}</span>
              <span class="muted small">{sensitiveNote(origin, rule)}</span>
              <button
                type="button"
                class="btn btn-link"
                data-testid="site-rule-remove"
                disabled={busy}
                onClick={() => void actions.run({ type: 'set-site-rule', origin, rule: null }, i18n.t('sites.ruleRemoved', [origin]))}
              >
                {i18n.t('sites.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
