import type { ExtensionState } from '@/utils/protocol/ui';
import { i18n } from '#i18n';

type Rules = NonNullable<ExtensionState['policy']>['rules'];

const LABELS: { [R in keyof Rules]: () => string } = {
  rewardPerSignal: () => i18n.t('policy.rewardPerSignal'),
  dailyCap: () => i18n.t('policy.dailyCap'),
  minK: () => i18n.t('policy.minK'),
  license: () => i18n.t('policy.license'),
  releaseCadence: () => i18n.t('policy.releaseCadence'),
  treasuryFeeBps: () => i18n.t('policy.treasuryFeeBps'),
  voucherSigner: () => i18n.t('policy.voucherSigner'),
};

/**
 * The community rules the collector applies now (reward, cap, k, license …) and the way to the
 * collector's governance page, where token holders vote on them.
 */
export function PolicyCard({ policy, onGovern }: { policy: ExtensionState['policy']; /** Without it, no way to the governance page is offered. */ onGovern?: () => void }) {
  return (
    <section class="card policy" aria-label={i18n.t('policy.heading')} data-testid="policy">
      <h2>{i18n.t('policy.heading')}</h2>
      {!policy ? (
        <p class="muted">{i18n.t('policy.notReported')}</p>
      ) : (
        <>
          <p class="muted" data-testid="policy-source">
            {policy.source === 'chain' ? i18n.t('policy.fromChain') : i18n.t('policy.embedded')}
          </p>
          <dl>
            {(Object.keys(LABELS) as (keyof Rules)[]).map((rule) => (
              <>
                <dt>{LABELS[rule]()}</dt>
                <dd data-rule={rule}>{policy.rules[rule] === null ? i18n.t('policy.none') : String(policy.rules[rule])}</dd>
              </>
            ))}
          </dl>
          {policy.source === 'chain' && onGovern && (
            <button type="button" data-testid="open-governance" onClick={onGovern}>
              {i18n.t('policy.govern')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
