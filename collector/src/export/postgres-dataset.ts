import type { PgDb } from '../store/pg-db';
import { LIVE_SIGNALS_SQL, toDatasetSignal, type DatasetStore, type LiveSignalRow } from './store';

export function postgresDataset(db: PgDb, ready: Promise<void>): DatasetStore {
  return {
    async liveSignals() {
      await ready;
      return (await db.rows<LiveSignalRow>(LIVE_SIGNALS_SQL)).map(toDatasetSignal);
    },
  };
}
