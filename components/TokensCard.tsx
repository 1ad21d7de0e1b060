import type { ExtensionState } from '@/utils/protocol/ui';
import { formatDateTime } from '@/utils/ui/format';
import { i18n } from '#i18n';

const trib = (units: number) => `${units} TRIB`;

/**
 * The blind reward tokens this device holds: how many and what they are worth, per epoch with the
 * number of devices it shares (its anonymity set), the rules, and the way to the claim page.
 */
export function TokensCard({ tokens, onRedeem }: { tokens: ExtensionState['tokens']; onRedeem: () => void }) {
  return (
    <section class="card tokens" aria-label={i18n.t('rewards.tokensHeading')} data-testid="tokens">
      <h2>{i18n.t('rewards.tokensHeading')}</h2>
      {tokens.count === 0 ? (
        <p class="muted">{i18n.t('rewards.tokensNone')}</p>
      ) : (
        <>
          <p data-testid="tokens-held">{i18n.t('rewards.tokensHeld', [String(tokens.count), trib(tokens.units)])}</p>
          <table class="token-epochs" data-testid="token-epochs">
            <thead>
              <tr>
                <th>{i18n.t('rewards.epoch')}</th>
                <th>{i18n.t('rewards.epochTokens')}</th>
                <th>{i18n.t('rewards.epochWorth')}</th>
                <th>{i18n.t('rewards.anonymitySet')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tokens.epochs.map((e) => (
                <tr key={e.epoch}>
                  <td>{e.epoch}</td>
                  <td>{e.count}</td>
                  <td>{trib(e.units)}</td>
                  <td data-testid="anonymity-set">{e.devices ?? i18n.t('rewards.devicesUnknown')}</td>
                  <td>{e.closed ? i18n.t('rewards.epochClosed') : i18n.t('rewards.epochOpen', [formatDateTime(e.endsAt)])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p class="muted">{i18n.t('rewards.tokensRules')}</p>
      {tokens.redeemable.count > 0 && (
        <button type="button" data-testid="redeem-tokens" onClick={onRedeem}>
          {i18n.t('rewards.redeem', [trib(tokens.redeemable.units)])}
        </button>
      )}
    </section>
  );
}
