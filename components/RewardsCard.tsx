import type { ExtensionState } from '@/utils/protocol/ui';
import { formatBalance, formatTokens, shortHash } from '@/utils/ui/format';
import { i18n } from '#i18n';

/** What the collector's ledger credits this device; it is paid out as blind tokens (TokensCard). */
export function RewardsCard({ rewards, balance }: { rewards: ExtensionState['rewards']; balance: ExtensionState['balance'] }) {
  if (!rewards) {
    // A balance without token rewards: the collector counts credit but has no reward chain.
    return (
      <section class="card rewards" aria-label={i18n.t('rewards.heading')} data-testid="rewards">
        <h2>{i18n.t('rewards.heading')}</h2>
        <p class="muted" data-testid="rewards-note">
          {balance ? i18n.t('rewards.noRewardChain', [formatBalance(balance)]) : i18n.t('rewards.notReported')}
        </p>
      </section>
    );
  }
  return (
    <section class="card rewards" aria-label={i18n.t('rewards.heading')} data-testid="rewards">
      <h2>{i18n.t('rewards.heading')}</h2>
      <dl class="rewards-amounts">
        <dt>{i18n.t('rewards.earned')}</dt>
        <dd data-testid="rewards-earned">{formatTokens(rewards.earned)}</dd>
      </dl>
    </section>
  );
}

/** The ledger's entry kinds in words; a kind this version does not know is shown as the collector names it. */
function kindLabel(kind: string): string {
  if (kind === 'credit') return i18n.t('rewards.kindCredit');
  if (kind === 'deletion') return i18n.t('rewards.kindDeletion');
  return kind;
}

/** Credits and debits per bundle, newest first, as the collector's ledger reports them. */
export function RewardHistory({ rewards }: { rewards: ExtensionState['rewards'] }) {
  if (!rewards || rewards.history.length === 0) return null;
  return (
    <table class="reward-history" data-testid="reward-history">
      <thead>
        <tr><th>{i18n.t('rewards.historyWhen')}</th><th>{i18n.t('rewards.historyWhat')}</th><th>{i18n.t('rewards.historyAmount')}</th></tr>
      </thead>
      <tbody>
        {[...rewards.history].reverse().map((h) => (
          <tr key={`${h.bundleId}-${h.kind}-${h.at}`}>
            <td>{new Date(h.at).toLocaleString()}</td>
            <td>{kindLabel(h.kind)} <code title={h.bundleId}>{shortHash(h.bundleId, 4)}</code></td>
            <td>{h.amount.startsWith('-') ? i18n.t('rewards.withdrawn', [formatTokens(h.amount.slice(1))]) : formatTokens(h.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
