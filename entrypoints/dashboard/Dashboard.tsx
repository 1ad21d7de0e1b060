import { useEffect, useState } from 'preact/hooks';
import { CollectorStatus } from '@/components/CollectorStatus';
import { ConfirmDialog, type ConfirmRequest } from '@/components/ConfirmDialog';
import { ModelProgress } from '@/components/ModelProgress';
import { PolicyCard } from '@/components/PolicyCard';
import { RewardHistory, RewardsCard } from '@/components/RewardsCard';
import { TokensCard } from '@/components/TokensCard';
import { handOverUrl } from '@/utils/tokens/hand-over';
import { tokenNullifier } from '@/utils/wire/reward-tokens';
import { browser } from 'wxt/browser';
import { request } from '@/utils/ui-client';
import { StateSummary } from '@/components/StateSummary';
import { StatusLine } from '@/components/StatusLine';
import { useExtensionState, type StateChange } from '@/components/useExtensionState';
import { formatDateTime } from '@/utils/ui/format';
import { isPaused } from '@/utils/consent/settings';
import { DeletionsView } from './DeletionsView';
import { ItemsView } from './ItemsView';
import { SettingsView } from './SettingsView';
import { SitesView } from './SitesView';
import { useItems } from './useItems';
import { i18n } from '#i18n';

const TABS = [
  { id: 'items', label: () => i18n.t('dashboard.tabItems') },
  { id: 'sites', label: () => i18n.t('dashboard.tabSites') },
  { id: 'deletions', label: () => i18n.t('dashboard.tabDeletions') },
  { id: 'rewards', label: () => i18n.t('dashboard.tabRewards') },
  { id: 'settings', label: () => i18n.t('dashboard.tabSettings') },
] as const;
type TabId = (typeof TABS)[number]['id'];

function tabFromHash(): TabId {
  const id = location.hash.slice(1);
  return TABS.find((t) => t.id === id)?.id ?? 'items';
}

/** Everything the dashboard can change goes through here, so it can report the outcome in one place. */
export interface DashboardActions {
  /** Applies a change, reloads the listing, announces `done` on success. */
  run: (req: StateChange, done: string) => Promise<boolean>;
  confirm: (req: ConfirmRequest) => void;
  announce: (message: string) => void;
}

export function Dashboard() {
  const { state, error, busy, change } = useExtensionState(2000);
  const items = useItems(3000);
  const [tab, setTab] = useState<TabId>(tabFromHash);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ConfirmRequest | null>(null);

  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const actions: DashboardActions = {
    run: async (req, done) => {
      setMessage(null);
      const ok = await change(req);
      await items.reload();
      if (ok) setMessage(done);
      return ok;
    },
    confirm: setConfirming,
    announce: setMessage,
  };

  /** The tokens of closed epochs move to the claim page, which keeps them until they are redeemed. */
  async function redeemTokens(collectorUrl: string) {
    const { tokens } = await request({ type: 'redeemable-tokens' });
    if (tokens.length === 0) return;
    try {
      await browser.tabs.create({ url: handOverUrl(new URL(collectorUrl).origin, tokens) });
    } catch {
      return setMessage(i18n.t('rewards.claimPageBlocked'));
    }
    await actions.run({ type: 'tokens-handed', nullifiers: tokens.map(tokenNullifier) }, i18n.t('rewards.tokensHanded'));
  }

  function select(id: TabId) {
    history.replaceState(null, '', `#${id}`);
    setMessage(null);
    setTab(id);
  }

  function onTabKey(e: KeyboardEvent) {
    const i = TABS.findIndex((t) => t.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(i + step + TABS.length) % TABS.length]!;
    select(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  }

  return (
    <div class="dashboard">
      <header class="dash-head">
        <div class="dash-title">
          <h1>
            <img class="brand-icon" src="/icon/32.png" alt="" width={28} height={28} />
            {i18n.t('ext.name')}
          </h1>
          {state && (
            <p class="muted" data-testid="consent-summary">
              {!state.consent.optedIn
                ? i18n.t('dashboard.notOptedIn')
                : isPaused(state.consent, Date.now())
                  ? i18n.t('dashboard.pausedUntil', [formatDateTime(state.consent.pausedUntil!)])
                  : i18n.t('dashboard.collecting')}
            </p>
          )}
        </div>
        {state && (
          <>
            <StateSummary state={state} />
            <div class="dash-status">
              <CollectorStatus collector={state.collector} />
              <ModelProgress model={state.model} />
            </div>
          </>
        )}
      </header>

      <nav class="tabs" role="tablist" aria-label={i18n.t('dashboard.sections')} onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            key={t.id}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            data-testid={`tab-${t.id}`}
            onClick={() => select(t.id)}
          >
            {t.label()}
          </button>
        ))}
      </nav>

      <StatusLine message={message} error={error ?? items.error} />

      <section class="panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'items' && <ItemsView data={items.data} actions={actions} busy={busy} />}
        {tab === 'sites' && state && <SitesView consent={state.consent} actions={actions} busy={busy} />}
        {tab === 'deletions' && <DeletionsView deletions={items.data?.deletions ?? null} inclusion={items.data?.inclusion ?? null} />}
        {tab === 'rewards' && state && (
          <>
            <TokensCard tokens={state.tokens} onRedeem={() => void redeemTokens(state.collectorUrl)} />
            <RewardsCard rewards={state.rewards} balance={state.balance} />
            <RewardHistory rewards={state.rewards} />
            <PolicyCard policy={state.policy} onGovern={() => void actions.run({ type: 'open-governance' }, i18n.t('dashboard.governancePageOpened'))} />
          </>
        )}
        {tab === 'settings' && state && <SettingsView state={state} actions={actions} busy={busy} />}
      </section>

      <ConfirmDialog request={confirming} onClose={() => setConfirming(null)} />
    </div>
  );
}
