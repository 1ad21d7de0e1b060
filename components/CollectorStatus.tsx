import type { ExtensionState } from '@/utils/protocol/ui';
import { i18n } from '#i18n';

export function CollectorStatus({ collector }: { collector: ExtensionState['collector'] }) {
  if (collector.reachable === false) {
    return (
      <p class="notice notice-warn" data-testid="collector-status" data-reachable="false">
        {i18n.t('collector.unreachable')}
        {collector.lastError && <span class="muted small block">{collector.lastError}</span>}
      </p>
    );
  }
  return (
    <p class="muted small" data-testid="collector-status" data-reachable={String(collector.reachable)}>
      {collector.reachable ? i18n.t('collector.reachable') : i18n.t('collector.notContacted')}
    </p>
  );
}
