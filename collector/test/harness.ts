// In-process collector over a temp data dir, plus direct read access to its SQLite file.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, SQLITE_FILE_NAME, type CollectorConfig } from '../src/config';
import { currentEncryptionKey, loadOrCreateKeys, type CollectorKeys } from '../src/keys';
import { buildServer } from '../src/server';
import type { EncryptionKeyPair } from '../../utils/wire/index';

export interface Harness {
  app: FastifyInstance;
  config: CollectorConfig;
  keys: CollectorKeys;
  /** The current collector encryption key, shaped for sealBundle fixtures. */
  collector: EncryptionKeyPair;
  count(table: 'bundles' | 'signals' | 'ledger' | 'deletion_requests'): number;
  db(): Database.Database;
  close(): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tributary-collector-'));
}

export async function startHarness(env: Record<string, string> = {}, now?: () => number): Promise<Harness> {
  const dataDir = tempDir();
  const config = loadConfig({ COLLECTOR_DATA_DIR: dataDir, COLLECTOR_LOG_LEVEL: 'silent', ...env });
  const keys = loadOrCreateKeys(config);
  const app = buildServer(config, { keys, now });
  await app.ready();
  const enc = currentEncryptionKey(keys);
  let reader: Database.Database | undefined;
  const db = () => (reader ??= new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true }));
  return {
    app,
    config,
    keys,
    collector: { keyId: enc.keyId, publicKey: enc.publicKey, secretKey: enc.secretKey },
    count: (table) => (db().prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
    db,
    async close() {
      reader?.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
