import { useState } from 'preact/hooks';
import { LIMITS } from '@/utils/messages';
import type { ItemView } from '@/utils/state';
import { formatDateTime, formatDuration, formatPercent, formatTime, shortHash } from '@/utils/ui/format';
import { displayedContent, isEditable } from '@/utils/ui/items';
import { RedactedText } from './RedactedText';
import { StatusBadge } from './StatusBadge';

export interface ItemActions {
  onDelete: (item: ItemView) => void;
  onApprove: (item: ItemView) => void;
  onEdit: (item: ItemView, text: string) => Promise<boolean>;
}

function Facts({ item }: { item: ItemView }) {
  return (
    <dl class="facts">
      <dt>Site</dt>
      <dd>{item.origin}</dd>
      <dt>Visited</dt>
      <dd>{formatDateTime(item.visitedAt)}</dd>
      <dt>Time on page</dt>
      <dd>{formatDuration(item.dwellMs)}</dd>
      <dt>Scrolled</dt>
      <dd>{formatPercent(item.scrollDepth)}</dd>
      <dt>Interactions</dt>
      <dd>{item.interactions}</dd>
      {item.sentAt !== undefined && (
        <>
          <dt>Sent</dt>
          <dd>{formatDateTime(item.sentAt)}</dd>
        </>
      )}
      {item.bundleId && (
        <>
          <dt>Bundle</dt>
          <dd class="mono" title={item.bundleId}>{item.bundleId}</dd>
        </>
      )}
      {item.entityCounts && Object.keys(item.entityCounts).length > 0 && (
        <>
          <dt>Removed</dt>
          <dd>
            {Object.entries(item.entityCounts)
              .map(([type, n]) => `${n} ${type.toLowerCase()}`)
              .join(', ')}
          </dd>
        </>
      )}
    </dl>
  );
}

function ReceiptLine({ receipt }: { receipt: NonNullable<ItemView['receipt']> }) {
  return (
    <p class="small receipt-line" data-testid="receipt" data-kind="ingest" data-bundle-id={receipt.bundleId}>
      ✓ Stored by the collector {formatDateTime(receipt.storedAt)} · signed receipt for bundle{' '}
      <span class="mono" title={receipt.bundleId}>{shortHash(receipt.bundleId, 8)}</span>
    </p>
  );
}

const INCLUSION_TEXT: Record<NonNullable<ItemView['inclusion']>['state'], string> = {
  included: '✓ In the community dataset: proven against the collector’s signed root',
  'not-yet-logged': 'Not in a published epoch yet: the collector logs new data once per epoch',
  absent: 'Absent from the dataset, as it should be after deletion',
  invalid: '✗ The collector’s proof does not verify against its signed root',
};

function InclusionLine({ inclusion }: { inclusion: NonNullable<ItemView['inclusion']> }) {
  return (
    <p class={`small inclusion inclusion-${inclusion.state}`} data-testid="inclusion" data-state={inclusion.state}>
      {INCLUSION_TEXT[inclusion.state]}
      {inclusion.epoch !== null && ` (epoch ${inclusion.epoch}, checked ${formatDateTime(inclusion.checkedAt)})`}
    </p>
  );
}

function Editor({ initial, onSave, onCancel }: { initial: string; onSave: (text: string) => Promise<boolean>; onCancel: () => void }) {
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  return (
    <form
      class="editor"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaving(true);
        if (await onSave(text)) onCancel();
        setSaving(false);
      }}
    >
      <label class="field">
        <span>Text (anonymized again before it can leave)</span>
        <textarea rows={6} maxLength={LIMITS.textChars} value={text} data-testid="item-edit-text" onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="button" class="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="btn btn-primary" disabled={saving} data-testid="item-edit-save">
          Save
        </button>
      </div>
    </form>
  );
}

/** One collected page visit, with exactly the content that leaves (or would leave) the device. */
export function ItemCard({ item, actions }: { item: ItemView; actions: ItemActions }) {
  const [open, setOpen] = useState(item.status === 'held');
  const [editing, setEditing] = useState(false);
  const content = displayedContent(item);
  const editable = isEditable(item.status);

  return (
    <article class={`item item-${item.status}`} data-testid="item" data-item-id={item.id} data-status={item.status}>
      <header class="item-head">
        <button type="button" class="item-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span class="item-title">
            <span class="chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
            {content ? <RedactedText text={content.title || '(no title)'} /> : '(no text collected)'}
          </span>
          <span class="muted small">{formatTime(item.visitedAt)}</span>
        </button>
        <StatusBadge status={item.status} />
      </header>
      {item.receipt && <ReceiptLine receipt={item.receipt} />}
      {item.inclusion && <InclusionLine inclusion={item.inclusion} />}

      {item.status === 'failed' && (
        <p class="notice notice-error small">
          This page could not be anonymized; it will not be sent.{item.error ? ` (${item.error})` : ''}
        </p>
      )}

      {open && (
        <div class="item-body">
          {content &&
            (editing ? (
              <Editor initial={content.text} onSave={(text) => actions.onEdit(item, text)} onCancel={() => setEditing(false)} />
            ) : (
              <blockquote class="item-text">
                {item.status === 'sent' && <p class="muted small">Exactly what left this device:</p>}
                {content.redacted ? <RedactedText text={content.text} /> : content.text}
                {!content.redacted && <p class="muted small">Not anonymized yet: this text has not left your device.</p>}
              </blockquote>
            ))}
          <Facts item={item} />
        </div>
      )}

      <div class="actions">
        {item.status === 'held' && (
          <button type="button" class="btn btn-primary" data-testid="item-approve" onClick={() => actions.onApprove(item)}>
            Approve
          </button>
        )}
        {editable && content && !editing && (
          <button
            type="button"
            class="btn"
            data-testid="item-edit"
            onClick={() => {
              setOpen(true);
              setEditing(true);
            }}
          >
            Edit
          </button>
        )}
        <button type="button" class="btn btn-danger-quiet" data-testid="item-delete" onClick={() => actions.onDelete(item)}>
          {item.status === 'sent' || item.status === 'queued' ? 'Delete' : 'Drop'}
        </button>
      </div>
    </article>
  );
}
