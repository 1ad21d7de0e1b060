import type { ExtensionState } from '@/utils/protocol/ui';
import { countPending } from '@/utils/ui/items';
import { BalanceCard } from './BalanceCard';
import { i18n } from '#i18n';

function Stat({ label, value, testId, note }: { label: string; value: number; testId?: string; note?: string }) {
  return (
    <div class="stat">
      <span class="stat-label">{label}</span>
      <span class="stat-value" data-testid={testId}>{value.toLocaleString('en-US')}</span>
      {note && <span class="stat-note">{note}</span>}
    </div>
  );
}

/** The counters shown at the top of both the popup and the dashboard. */
export function StateSummary({ state }: { state: ExtensionState }) {
  const { items, bundles } = state;
  return (
    <section class="stats" aria-label={i18n.t('stats.label')}>
      <Stat label={i18n.t('stats.collectedToday')} value={state.collectedToday} testId="collected-today" />
      <Stat
        label={i18n.t('stats.itemsWaiting')}
        value={countPending(items)}
        testId="items-pending"
        note={items.failed ? i18n.t('stats.notSendable', [items.failed]) : undefined}
      />
      <Stat label={i18n.t('stats.itemsSent')} value={items.sent} testId="items-sent" />
      <Stat label={i18n.t('stats.bundlesWaiting')} value={bundles.pending} testId="bundles-pending" />
      <Stat label={i18n.t('stats.bundlesAccepted')} value={bundles.accepted} testId="bundles-accepted" />
      <BalanceCard balance={state.balance} />
    </section>
  );
}
