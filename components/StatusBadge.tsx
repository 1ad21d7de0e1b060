import type { ItemStatus } from '@/utils/items/item';
import { statusLabel } from '@/utils/ui/items';

export function StatusBadge({ status }: { status: ItemStatus }) {
  return <span class={`badge badge-${status}`}>{statusLabel(status)}</span>;
}
