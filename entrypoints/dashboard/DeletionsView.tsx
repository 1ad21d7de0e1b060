import type { ItemsReply } from '@/utils/state';
import type { DeletionRecord } from '@/utils/store/db';
import { describeScope } from '@/utils/ui/deletions';
import { formatDateTime, shortHash } from '@/utils/ui/format';

function Receipt({ record }: { record: DeletionRecord }) {
  const r = record.receipt;
  return (
    <article class="receipt" data-testid="receipt" data-kind="deletion" data-request-hash={record.requestHash}>
      <h3>
        {describeScope(record.scope)} <span class="muted small">requested {formatDateTime(record.requestedAt)}</span>
      </h3>
      <dl class="facts">
        <dt>Confirmed by collector</dt>
        <dd>{formatDateTime(r.ts)}</dd>
        <dt>Items deleted</dt>
        <dd>{r.deleted.length}</dd>
        <dt>Bundles purged</dt>
        <dd>{r.deletedBundles.length}</dd>
        <dt>Reward withdrawn</dt>
        <dd>{r.debited}</dd>
        <dt>Request hash</dt>
        <dd class="mono" title={record.requestHash}>{shortHash(record.requestHash)}</dd>
        <dt>Signed with key</dt>
        <dd class="mono">{r.collectorKeyId}</dd>
        <dt>Signature</dt>
        <dd class="mono" title={r.sig}>{shortHash(r.sig)}</dd>
      </dl>
      <details>
        <summary>Full receipt</summary>
        <pre class="mono">{JSON.stringify(r, null, 2)}</pre>
      </details>
    </article>
  );
}

export function DeletionsView({ deletions, inclusion }: { deletions: DeletionRecord[] | null; inclusion: ItemsReply['inclusion'] | null }) {
  const sorted = deletions ? [...deletions].sort((a, b) => b.requestedAt - a.requestedAt) : null;
  return (
    <div>
      <p>
        Each deletion you ask for is signed by this device and sent to the collector. The collector answers with a receipt
        signed by its own key, naming the hash of your request and what it deleted. Receipts stay here and can be checked
        offline against the collector's published receipt key.
      </p>
      {!sorted && <p class="muted">Loading…</p>}
      {sorted?.length === 0 && <p class="muted">No deletions yet.</p>}
      {sorted?.map((d) => <Receipt key={d.requestHash} record={d} />)}
      {inclusion && Object.values(inclusion).some((c) => c.state === 'absent') && (
        <p class="small" data-testid="deleted-absent">
          ✓ {Object.values(inclusion).filter((c) => c.state === 'absent').length} deleted bundle(s) checked absent from the
          collector’s newest signed transparency root.
        </p>
      )}
    </div>
  );
}
