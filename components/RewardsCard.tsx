import type { ExtensionState } from '@/utils/state';
import { formatTokens, shortHash } from '@/utils/ui/format';

/**
 * Pending (earned, no wallet linked yet), claimable and claimed tokens, and the way to the
 * collector's claim page, where the user's own wallet links and claims.
 */
export function RewardsCard({ rewards, onLinkWallet }: { rewards: ExtensionState['rewards']; onLinkWallet: () => void }) {
  if (!rewards) {
    return (
      <section class="card rewards" aria-label="Rewards" data-testid="rewards">
        <h2>Rewards</h2>
        <p class="muted">The collector has not reported rewards yet (or runs without a reward chain).</p>
      </section>
    );
  }
  return (
    <section class="card rewards" aria-label="Rewards" data-testid="rewards">
      <h2>Rewards</h2>
      <dl class="rewards-amounts">
        <dt>Pending</dt>
        <dd data-testid="rewards-pending">{formatTokens(rewards.pending)}</dd>
        <dt>Claimable</dt>
        <dd data-testid="rewards-claimable">{formatTokens(rewards.claimable)}</dd>
        <dt>Claimed</dt>
        <dd data-testid="rewards-claimed">{formatTokens(rewards.claimed)}</dd>
      </dl>
      <p class="muted">
        {rewards.wallet ? (
          <>Linked wallet <code title={rewards.wallet}>{shortHash(rewards.wallet, 6)}</code></>
        ) : (
          'Link a wallet to claim: pending rewards become claimable.'
        )}
      </p>
      <button type="button" data-testid="link-wallet" onClick={onLinkWallet}>
        {rewards.wallet ? 'Claim in your wallet' : 'Link wallet and claim'}
      </button>
    </section>
  );
}

/** Credits and debits per bundle, newest first, as the collector's ledger reports them. */
export function RewardHistory({ rewards }: { rewards: ExtensionState['rewards'] }) {
  if (!rewards || rewards.history.length === 0) return null;
  return (
    <table class="reward-history" data-testid="reward-history">
      <thead>
        <tr><th>When</th><th>What</th><th>Amount</th></tr>
      </thead>
      <tbody>
        {[...rewards.history].reverse().map((h) => (
          <tr key={`${h.bundleId}-${h.kind}-${h.at}`}>
            <td>{new Date(h.at).toLocaleString()}</td>
            <td>{h.kind} <code title={h.bundleId}>{shortHash(h.bundleId, 4)}</code></td>
            <td>{formatTokens(h.amount.replace(/^-/, ''))}{h.amount.startsWith('-') ? ' withdrawn' : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
