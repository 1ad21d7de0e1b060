import type { ItemsReply } from '../protocol/ui';

/** A self-describing export of everything the dashboard lists: items, what left, and deletion receipts. */
export function exportDocument(reply: ItemsReply, now: number): string {
  return JSON.stringify({ format: 'tributary-export', v: 1, exportedAt: new Date(now).toISOString(), ...reply }, null, 2);
}

export function exportFileName(now: number): string {
  return `tributary-export-${new Date(now).toISOString().slice(0, 19).replace(/:/g, '-')}.json`;
}
