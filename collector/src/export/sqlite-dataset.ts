import type Database from 'better-sqlite3';
import { LIVE_SIGNALS_SQL, toDatasetSignal, type DatasetStore, type LiveSignalRow } from './store';

export function sqliteDataset(db: Database.Database): DatasetStore {
  const live = db.prepare<[], LiveSignalRow>(LIVE_SIGNALS_SQL);
  return {
    async liveSignals() {
      return live.all().map(toDatasetSignal);
    },
  };
}
