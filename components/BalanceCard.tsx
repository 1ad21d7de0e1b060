import type { ExtensionState } from '@/utils/protocol/ui';
import { formatBalance, formatDateTime } from '@/utils/ui/format';
import { i18n } from '#i18n';

export function BalanceCard({ balance }: { balance: ExtensionState['balance'] }) {
  return (
    <div class="stat stat-balance">
      <span class="stat-label">{i18n.t('stats.balance')}</span>
      <span class="stat-value" data-testid="balance">{formatBalance(balance)}</span>
      <span class="stat-note">{balance ? i18n.t('stats.balanceAsOf', [formatDateTime(balance.updatedAt)]) : i18n.t('stats.balanceNotReported')}</span>
    </div>
  );
}
