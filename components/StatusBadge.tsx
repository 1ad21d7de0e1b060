import type { ItemStatus } from '@/utils/items/item';
import { STATUS_LABELS } from '@/utils/ui/items';

export function StatusBadge({ status }: { status: ItemStatus }) {
  return <span class={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>;
}
