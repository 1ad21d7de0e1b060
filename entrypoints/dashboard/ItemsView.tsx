import { useMemo, useState } from 'preact/hooks';
import { CommunityModelLine } from '@/components/CommunityModelLine';
import { ItemCard, type ItemActions } from '@/components/ItemCard';
import type { ItemsReply, UiRequest } from '@/utils/protocol/ui';
import { exportDocument, exportFileName } from '@/utils/ui/export';
import { formatDay } from '@/utils/ui/format';
import { ITEM_STATUSES } from '@/utils/items/item';
import { filterItems, groupByDayAndSite, limitGroups, statusLabel, type StatusFilter } from '@/utils/ui/items';
import { request } from '@/utils/ui-client';
import { errorMessage } from '@/components/useExtensionState';
import type { DashboardActions } from './Dashboard';
import { i18n } from '#i18n';

const statusOptions = (): { value: StatusFilter; label: string }[] => [
  { value: 'all', label: i18n.t('items.all') },
  { value: 'pending', label: i18n.t('items.notSentYet') },
  ...ITEM_STATUSES.map((value) => ({ value, label: statusLabel(value) })),
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
    onDelete: (item) => void actions.run({ type: 'delete', scope: { kind: 'items', ids: [item.id] } }, i18n.t('items.deleted')),
    onApprove: (item) => void actions.run({ type: 'approve-items', ids: [item.id] }, i18n.t('items.approved')),
    onEdit: (item, text) => actions.run({ type: 'edit-item', id: item.id, text }, i18n.t('items.textUpdated')),
  };

  async function exportAll() {
    try {
      const now = Date.now();
      downloadJson(exportDocument(await request({ type: 'list-items' }), now), exportFileName(now));
      actions.announce(i18n.t('items.exportDownloaded'));
    } catch (e) {
      actions.announce(i18n.t('items.exportFailed', [errorMessage(e)]));
    }
  }

  function confirmDelete(title: string, body: string, scope: DeleteScope, done: string) {
    actions.confirm({
      title,
      body: (
        <p>
          {body} {i18n.t('items.deleteNote')}
        </p>
      ),
      confirmLabel: i18n.t('common.delete'),
      onConfirm: () => void actions.run({ type: 'delete', scope }, done),
    });
  }

  return (
    <div class="items-view">
      <div class="toolbar">
        <label class="field field-inline">
          <span>{i18n.t('items.search')}</span>
          <input type="search" value={query} placeholder={i18n.t('items.searchPlaceholder')} data-testid="item-search" onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <label class="field field-inline">
          <span>{i18n.t('items.status')}</span>
          <select value={status} data-testid="item-status-filter" onChange={(e) => setStatus(e.currentTarget.value as StatusFilter)}>
            {statusOptions().map((o) => (
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
              onClick={() => void actions.run({ type: 'approve-items', ids: held.map((i) => i.id) }, i18n.t('items.approvedMany', [held.length]))}
            >
              {i18n.t('items.approveAll', [held.length])}
            </button>
          )}
          <button
            type="button"
            class="btn"
            data-testid="verify-dataset"
            disabled={busy}
            title={i18n.t('items.verifyTitle')}
            onClick={() => void actions.run({ type: 'verify-dataset' }, i18n.t('items.verified'))}
          >
            {i18n.t('items.verify')}
          </button>
          <button type="button" class="btn" data-testid="export-json" onClick={() => void exportAll()}>
            {i18n.t('items.exportJson')}
          </button>
          <button
            type="button"
            class="btn btn-danger-quiet"
            data-testid="delete-all"
            disabled={busy}
            onClick={() =>
              confirmDelete(i18n.t('items.deleteEverythingTitle'), i18n.t('items.deleteEverythingBody'), { kind: 'all' }, i18n.t('items.everythingDeleted'))
            }
          >
            {i18n.t('items.deleteEverything')}
          </button>
        </div>
      </div>

      {data && <CommunityModelLine info={data.communityModel} />}
      {!data && <p class="muted">{i18n.t('common.loading')}</p>}
      {data && all.length === 0 && <p class="muted">{i18n.t('items.nothingYet')}</p>}
      {data && all.length > 0 && matching.length === 0 && <p class="muted">{i18n.t('items.noMatch')}</p>}

      {groups.map((day) => (
        <section class="day" key={day.day} aria-labelledby={`day-${day.day}`}>
          <div class="group-head">
            <h2 id={`day-${day.day}`}>
              {formatDay(day.day)} <span class="muted small">· {i18n.t('items.visits', day.count)}</span>
            </h2>
            <button
              type="button"
              class="btn btn-danger-quiet"
              data-testid="day-delete"
              data-day={day.day}
              disabled={busy}
              onClick={() =>
                confirmDelete(
                  i18n.t('items.deleteDayTitle', [formatDay(day.day)]),
                  i18n.t('items.deleteDayBody', [formatDay(day.day)]),
                  { kind: 'day', day: day.day },
                  i18n.t('items.dayDeleted', [formatDay(day.day)]),
                )
              }
            >
              {i18n.t('items.deleteDay')}
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
                    confirmDelete(
                      i18n.t('items.deleteSiteTitle', [site.origin]),
                      i18n.t('items.deleteSiteBody', [site.origin]),
                      { kind: 'site', origin: site.origin },
                      i18n.t('items.siteDeleted', [site.origin]),
                    )
                  }
                >
                  {i18n.t('items.deleteSite')}
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
          {i18n.t('items.showMore', [Math.min(hidden, PAGE_SIZE), hidden])}
        </button>
      )}
    </div>
  );
}
