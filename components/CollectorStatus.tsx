import type { ExtensionState } from '@/utils/state';

export function CollectorStatus({ collector }: { collector: ExtensionState['collector'] }) {
  if (collector.reachable === false) {
    return (
      <p class="notice notice-warn" data-testid="collector-status" data-reachable="false">
        Collector unreachable — your data waits safely on this device.
        {collector.lastError && <span class="muted small block">{collector.lastError}</span>}
      </p>
    );
  }
  return (
    <p class="muted small" data-testid="collector-status" data-reachable={String(collector.reachable)}>
      {collector.reachable ? 'Collector reachable.' : 'Collector not contacted yet.'}
    </p>
  );
}
