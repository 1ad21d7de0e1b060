/**
 * Folds transformers.js per-file progress events into one 0..1 figure over every file of every
 * model, so the popup shows one honest bar for the first load.
 */
export interface FileProgressEvent {
  status: string;
  file?: string;
  name?: string;
  loaded?: number;
  total?: number;
}

export class LoadProgress {
  private files = new Map<string, { loaded: number; total: number }>();

  update(event: FileProgressEvent): number {
    if (!event.file) return this.fraction();
    const key = `${event.name ?? ''}/${event.file}`;
    const prev = this.files.get(key) ?? { loaded: 0, total: 0 };
    if (event.status === 'progress' && event.total) {
      this.files.set(key, { loaded: event.loaded ?? 0, total: event.total });
    } else if (event.status === 'done') {
      const total = prev.total || 1;
      this.files.set(key, { loaded: total, total });
    } else if (!this.files.has(key)) {
      this.files.set(key, prev);
    }
    return this.fraction();
  }

  fraction(): number {
    let loaded = 0;
    let total = 0;
    for (const f of this.files.values()) {
      loaded += f.loaded;
      total += f.total;
    }
    return total === 0 ? 0 : Math.min(1, loaded / total);
  }
}
