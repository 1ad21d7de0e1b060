import type { ItemsReply } from '@/utils/protocol/ui';
import type { DeletionRecord } from '@/utils/store/db';
import { describeScope } from '@/utils/ui/deletions';
import { formatDateTime, shortHash } from '@/utils/ui/format';
import { i18n } from '#i18n';

function Receipt({ record }: { record: DeletionRecord }) {
  const r = record.receipt;
  return (
    <article class="receipt" data-testid="receipt" data-kind="deletion" data-request-hash={record.requestHash}>
      <h3>
        {describeScope(record.scope)} <span class="muted small">{i18n.t('deletions.requested', [formatDateTime(record.requestedAt)])}</span>
      </h3>
      <dl class="facts">
        <dt>{i18n.t('deletions.confirmed')}</dt>
        <dd>{formatDateTime(r.ts)}</dd>
        <dt>{i18n.t('deletions.itemsDeleted')}</dt>
        <dd>{r.deleted.length}</dd>
        <dt>{i18n.t('deletions.bundlesPurged')}</dt>
        <dd>{r.deletedBundles.length}</dd>
        <dt>{i18n.t('deletions.rewardWithdrawn')}</dt>
        <dd>{r.debited}</dd>
        <dt>{i18n.t('deletions.requestHash')}</dt>
        <dd class="mono" title={record.requestHash}>{shortHash(record.requestHash)}</dd>
        <dt>{i18n.t('deletions.signedWithKey')}</dt>
        <dd class="mono">{r.collectorKeyId}</dd>
        <dt>{i18n.t('deletions.signature')}</dt>
        <dd class="mono" title={r.sig}>{shortHash(r.sig)}</dd>
      </dl>
      <details>
        <summary>{i18n.t('deletions.fullReceipt')}</summary>
        <pre class="mono">{JSON.stringify(r, null, 2)}</pre>
      </details>
    </article>
  );
}

export function DeletionsView({ deletions, inclusion }: { deletions: DeletionRecord[] | null; inclusion: ItemsReply['inclusion'] | null }) {
  const sorted = deletions ? [...deletions].sort((a, b) => b.requestedAt - a.requestedAt) : null;
  return (
    <div>
      <p>{i18n.t('deletions.intro')}</p>
      {!sorted && <p class="muted">{i18n.t('common.loading')}</p>}
      {sorted?.length === 0 && <p class="muted">{i18n.t('deletions.none')}</p>}
      {sorted?.map((d) => <Receipt key={d.requestHash} record={d} />)}
      {inclusion && Object.values(inclusion).some((c) => c.state === 'absent') && (
        <p class="small" data-testid="deleted-absent">
          {i18n.t('deletions.absentChecked', Object.values(inclusion).filter((c) => c.state === 'absent').length)}
        </p>
      )}
    </div>
  );
}
