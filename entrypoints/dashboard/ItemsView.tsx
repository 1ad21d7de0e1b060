import { useMemo, useState } from 'preact/hooks';
import { ItemCard, type ItemActions } from '@/components/ItemCard';
import type { UiRequest } from '@/utils/messages';
import type { ItemsReply } from '@/utils/state';
import type { ItemStatus } from '@/utils/items/item';
import { exportDocument, exportFileName } from '@/utils/ui/export';
import { formatDay } from '@/utils/ui/format';
import { filterItems, groupByDayAndSite, limitGroups, STATUS_LABELS, type StatusFilter } from '@/utils/ui/items';
import { request } from '@/utils/ui-client';
import { errorMessage } from '@/components/useExtensionState';
import type { DashboardActions } from './Dashboard';

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'Not sent yet' },
  ...(Object.entries(STATUS_LABELS) as [ItemStatus, string][]).map(([value, label]) => ({ value, label })),
];

const PAGE_SIZE = 200;

type DeleteScope = Extract<UiRequest, { type: 'delete' }>['scope'];

function downloadJson(json: string, name: string) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click has started the download; the object URL is no longer needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

interface Props {
  data: ItemsReply | null;
  actions: DashboardActions;
  busy: boolean;
}

export function ItemsView({ data, actions, busy }: Props) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const all = data?.items ?? [];
  const matching = useMemo(() => groupByDayAndSite(filterItems(all, { query, status })), [all, query, status]);
  const { groups, hidden } = limitGroups(matching, limit);
  const held = all.filter((i) => i.status === 'held');

  const itemActions: ItemActions = {
    onDelete: (item) => void actions.run({ type: 'delete', scope: { kind: 'items', ids: [item.id] } }, 'Item deleted.'),
    onApprove: (item) => void actions.run({ type: 'approve-items', ids: [item.id] }, 'Item approved for sending.'),
    onEdit: (item, text) => actions.run({ type: 'edit-item', id: item.id, text }, 'Text updated.'),
  };

  async function exportAll() {
    try {
      const now = Date.now();
      downloadJson(exportDocument(await request({ type: 'list-items' }), now), exportFileName(now));
      actions.announce('Export downloaded.');
    } catch (e) {
      actions.announce(`Export failed: ${errorMessage(e)}`);
    }
  }

  function confirmDelete(title: string, body: string, scope: DeleteScope, done: string) {
    actions.confirm({
      title,
      body: (
        <p>
          {body} Items already sent are deleted from the collector too, and you get a signed receipt.
        </p>
      ),
      confirmLabel: 'Delete',
      onConfirm: () => void actions.run({ type: 'delete', scope }, done),
    });
  }

  return (
    <div class="items-view">
      <div class="toolbar">
        <label class="field field-inline">
          <span>Search</span>
          <input type="search" value={query} placeholder="text or site" data-testid="item-search" onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <label class="field field-inline">
          <span>Status</span>
          <select value={status} data-testid="item-status-filter" onChange={(e) => setStatus(e.currentTarget.value as StatusFilter)}>
            {STATUS_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <div class="actions">
          {held.length > 0 && (
            <button
              type="button"
              class="btn btn-primary"
              data-testid="approve-all"
              disabled={busy}
              onClick={() => void actions.run({ type: 'approve-items', ids: held.map((i) => i.id) }, `${held.length} items approved for sending.`)}
            >
              Approve all {held.length} waiting
            </button>
          )}
          <button
            type="button"
            class="btn"
            data-testid="verify-dataset"
            disabled={busy}
            title="Prove that what you sent is in the community dataset, against the collector's signed Merkle root"
            onClick={() => void actions.run({ type: 'verify-dataset' }, 'Checked against the collector’s signed transparency root.')}
          >
            Verify dataset inclusion
          </button>
          <button type="button" class="btn" data-testid="export-json" onClick={() => void exportAll()}>
            Export JSON
          </button>
          <button
            type="button"
            class="btn btn-danger-quiet"
            data-testid="delete-all"
            disabled={busy}
            onClick={() =>
              confirmDelete('Delete everything?', 'Every item on this device is deleted.', { kind: 'all' }, 'Everything deleted.')
            }
          >
            Delete everything
          </button>
        </div>
      </div>

      {!data && <p class="muted">Loading…</p>}
      {data && all.length === 0 && <p class="muted">Nothing collected yet.</p>}
      {data && all.length > 0 && matching.length === 0 && <p class="muted">No items match.</p>}

      {groups.map((day) => (
        <section class="day" key={day.day} aria-labelledby={`day-${day.day}`}>
          <div class="group-head">
            <h2 id={`day-${day.day}`}>
              {formatDay(day.day)} <span class="muted small">· {day.count} {day.count === 1 ? 'visit' : 'visits'}</span>
            </h2>
            <button
              type="button"
              class="btn btn-danger-quiet"
              data-testid="day-delete"
              data-day={day.day}
              disabled={busy}
              onClick={() => confirmDelete(`Delete ${formatDay(day.day)}?`, `Every item from ${formatDay(day.day)} is deleted.`, { kind: 'day', day: day.day }, `${formatDay(day.day)} deleted.`)}
            >
              Delete this day
            </button>
          </div>
          {day.sites.map((site) => (
            <section class="site" key={site.origin}>
              <div class="group-head">
                <h3>{site.origin}</h3>
                <button
                  type="button"
                  class="btn btn-danger-quiet"
                  data-testid="site-delete"
                  data-origin={site.origin}
                  disabled={busy}
                  onClick={() =>
                    confirmDelete(`Delete ${site.origin}?`, `Every item from ${site.origin}, on every day, is deleted.`, { kind: 'site', origin: site.origin }, `${site.origin} deleted.`)
                  }
                >
                  Delete this site
                </button>
              </div>
              {site.items.map((item) => (
                <ItemCard key={item.id} item={item} actions={itemActions} />
              ))}
            </section>
          ))}
        </section>
      ))}

      {hidden > 0 && (
        <button type="button" class="btn btn-wide" data-testid="show-more" onClick={() => setLimit(limit + PAGE_SIZE)}>
          Show {Math.min(hidden, PAGE_SIZE)} more of {hidden} not shown
        </button>
      )}
    </div>
  );
}
