import { join } from 'node:path';
import { SQLITE_FILE_NAME, type CollectorConfig } from '../config';
import { openPostgresStore } from './postgres';
import { openSqliteStore } from './sqlite';
import type { Store } from './types';

/** PostgreSQL when DATABASE_URL is set, otherwise SQLite in the data dir. */
export function openStore(config: Pick<CollectorConfig, 'databaseUrl' | 'dataDir'>): Store {
  return config.databaseUrl ? openPostgresStore(config.databaseUrl) : openSqliteStore(join(config.dataDir, SQLITE_FILE_NAME));
}
