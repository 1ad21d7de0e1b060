import type { ExtensionState } from '@/utils/state';
import { formatBalance, formatDateTime } from '@/utils/ui/format';

export function BalanceCard({ balance }: { balance: ExtensionState['balance'] }) {
  return (
    <div class="stat stat-balance">
      <span class="stat-label">Reward balance</span>
      <span class="stat-value" data-testid="balance">{formatBalance(balance)}</span>
      <span class="stat-note">{balance ? `as of ${formatDateTime(balance.updatedAt)}` : 'not reported yet'}</span>
    </div>
  );
}
