import type { ExtensionState } from '@/utils/state';
import { countPending } from '@/utils/ui/items';
import { BalanceCard } from './BalanceCard';

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
    <section class="stats" aria-label="Summary">
      <Stat label="Collected today" value={state.collectedToday} testId="collected-today" />
      <Stat label="Items waiting" value={countPending(items)} testId="items-pending" note={items.failed ? `${items.failed} not sendable` : undefined} />
      <Stat label="Items sent" value={items.sent} testId="items-sent" />
      <Stat label="Bundles waiting" value={bundles.pending} testId="bundles-pending" />
      <Stat label="Bundles accepted" value={bundles.accepted} testId="bundles-accepted" />
      <BalanceCard balance={state.balance} />
    </section>
  );
}
