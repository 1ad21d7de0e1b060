import { useState } from 'preact/hooks';
import { TEXT_LIMITS } from '@/utils/wire/signal';
import type { ItemView } from '@/utils/protocol/ui';
import { formatDateTime, formatDuration, formatPercent, formatTime, shortHash } from '@/utils/ui/format';
import { displayedContent, isEditable } from '@/utils/ui/items';
import { RedactedText } from './RedactedText';
import { StatusBadge } from './StatusBadge';
import { i18n } from '#i18n';

export interface ItemActions {
  onDelete: (item: ItemView) => void;
  onApprove: (item: ItemView) => void;
  onEdit: (item: ItemView, text: string) => Promise<boolean>;
}

function Facts({ item }: { item: ItemView }) {
  return (
    <dl class="facts">
      <dt>{i18n.t('item.site')}</dt>
      <dd>{item.origin}</dd>
      <dt>{i18n.t('item.visited')}</dt>
      <dd>{formatDateTime(item.visitedAt)}</dd>
      <dt>{i18n.t('item.timeOnPage')}</dt>
      <dd>{formatDuration(item.dwellMs)}</dd>
      <dt>{i18n.t('item.scrolled')}</dt>
      <dd>{formatPercent(item.scrollDepth)}</dd>
      <dt>{i18n.t('item.interactions')}</dt>
      <dd>{item.interactions}</dd>
      {item.sentAt !== undefined && (
        <>
          <dt>{i18n.t('item.sent')}</dt>
          <dd>{formatDateTime(item.sentAt)}</dd>
        </>
      )}
      {item.bundleId && (
        <>
          <dt>{i18n.t('item.bundle')}</dt>
          <dd class="mono" title={item.bundleId}>{item.bundleId}</dd>
        </>
      )}
      {item.entityCounts && Object.keys(item.entityCounts).length > 0 && (
        <>
          <dt>{i18n.t('item.removed')}</dt>
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
      {i18n.t('item.receipt', [formatDateTime(receipt.storedAt)])}{' '}
      <span class="mono" title={receipt.bundleId}>{shortHash(receipt.bundleId, 8)}</span>
    </p>
  );
}

const INCLUSION_TEXT: Record<NonNullable<ItemView['inclusion']>['state'], () => string> = {
  included: () => i18n.t('item.included'),
  'not-yet-logged': () => i18n.t('item.notYetLogged'),
  absent: () => i18n.t('item.absent'),
  invalid: () => i18n.t('item.invalid'),
};

function InclusionLine({ inclusion }: { inclusion: NonNullable<ItemView['inclusion']> }) {
  return (
    <p class={`small inclusion inclusion-${inclusion.state}`} data-testid="inclusion" data-state={inclusion.state}>
      {INCLUSION_TEXT[inclusion.state]()}
      {inclusion.epoch !== null && ` ${i18n.t('item.epoch', [inclusion.epoch, formatDateTime(inclusion.checkedAt)])}`}
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
        <span>{i18n.t('item.editLabel')}</span>
        <textarea rows={6} maxLength={TEXT_LIMITS.textChars} value={text} data-testid="item-edit-text" onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="button" class="btn" onClick={onCancel}>
          {i18n.t('common.cancel')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={saving} data-testid="item-edit-save">
          {i18n.t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** One collected page visit, with exactly the content that leaves (or would leave) the device. */
export function ItemCard({ item, actions }: { item: ItemView; actions: ItemActions }) {
  const [open, setOpen] = useState(item.status === 'held');
  const [editing, setEditing] = useState(false);
  // A site that reserves text and data mining gave no title or text, and none may be added.
  const reserved = item.tdmReserved === true;
  const content = reserved ? null : displayedContent(item);
  const editable = isEditable(item.status) && !reserved;

  return (
    <article class={`item item-${item.status}`} data-testid="item" data-item-id={item.id} data-status={item.status}>
      <header class="item-head">
        <button type="button" class="item-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span class="item-title">
            <span class="chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
            {reserved ? (
              <span data-testid="item-tdm-reserved">{i18n.t('item.tdmReserved')}</span>
            ) : content ? (
              <RedactedText text={content.title || i18n.t('item.noTitle')} />
            ) : (
              i18n.t('item.noText')
            )}
          </span>
          <span class="muted small">{formatTime(item.visitedAt)}</span>
        </button>
        <StatusBadge status={item.status} />
      </header>
      {item.topic && (
        <p class="small item-topic" data-testid="item-topic" data-topic={item.topic.topic} title={i18n.t('communityModel.topicTitle', [formatPercent(item.topic.probability)])}>
          {i18n.t('communityModel.topic', [item.topic.terms.join(' · ') || item.topic.topic])}
        </p>
      )}
      {item.receipt && <ReceiptLine receipt={item.receipt} />}
      {item.inclusion && <InclusionLine inclusion={item.inclusion} />}

      {item.status === 'failed' && (
        <p class="notice notice-error small">
          {i18n.t('item.failedNotice')}{item.error ? ` (${item.error})` : ''}
        </p>
      )}

      {open && (
        <div class="item-body">
          {reserved && <p class="muted small">{i18n.t('item.tdmReservedNotice')}</p>}
          {content &&
            (editing ? (
              <Editor initial={content.text} onSave={(text) => actions.onEdit(item, text)} onCancel={() => setEditing(false)} />
            ) : (
              <blockquote class="item-text">
                {item.status === 'sent' && <p class="muted small">{i18n.t('item.exactlyWhatLeft')}</p>}
                {content.redacted ? <RedactedText text={content.text} /> : content.text}
                {!content.redacted && <p class="muted small">{i18n.t('item.notAnonymized')}</p>}
              </blockquote>
            ))}
          <Facts item={item} />
        </div>
      )}

      <div class="actions">
        {item.status === 'held' && (
          <button type="button" class="btn btn-primary" data-testid="item-approve" onClick={() => actions.onApprove(item)}>
            {i18n.t('item.approve')}
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
            {i18n.t('item.edit')}
          </button>
        )}
        <button type="button" class="btn btn-danger-quiet" data-testid="item-delete" onClick={() => actions.onDelete(item)}>
          {item.status === 'sent' || item.status === 'queued' ? i18n.t('common.delete') : i18n.t('item.drop')}
        </button>
      </div>
    </article>
  );
}
