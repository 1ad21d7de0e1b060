import { join } from 'node:path';
import type { CollectorConfig } from '../config';
import { openPostgresStore } from './postgres';
import { openSqliteStore, SQLITE_FILE_NAME } from './sqlite';
import type { Store } from './store';

/**
 * PostgreSQL when DATABASE_URL is set, otherwise SQLite in the data dir. Nothing is queried yet:
 * call `migrate()` (the server does, before it answers) before the first query.
 */
export function openStore(config: Pick<CollectorConfig, 'databaseUrl' | 'dataDir'>): Store {
  return config.databaseUrl ? openPostgresStore(config.databaseUrl) : openSqliteStore(join(config.dataDir, SQLITE_FILE_NAME));
}
