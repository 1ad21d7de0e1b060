// In-process collector over a temp data dir, plus direct read access to its
// database. The store is SQLite, or PostgreSQL (a fresh database per harness)
// when the run is a PostgreSQL one (TRIBUTARY_TEST_PG=1 or DATABASE_URL; the
// collector-pg vitest project sets it and starts the server).
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect, inject } from 'vitest';
import { openStoredEnvelope, openStoredSignal, type SignalContent, type StoredSignalRef } from '../src/at-rest/content';
import { fsKeyring, type Keyring } from '../src/at-rest/keyring';
import { fsBlobStore } from '../src/cas/blob-store';
import { loadConfig, type CollectorConfig } from '../src/config';
import { openPostgresStore } from '../src/db/postgres';
import { openSqliteStore, SQLITE_FILE_NAME } from '../src/db/sqlite';
import type { Store } from '../src/db/store';
import { currentEncryptionKey, loadOrCreateKeys, type CollectorKeys } from '../src/key-material';
import { buildServer, type ServerDeps } from '../src/server';
import pg from 'pg';
import { numberTypes } from '../src/db/postgres';
import type { BundleEnvelope, BundlePlaintext, DeviceKeyPair, EncryptionKeyPair } from '../../utils/wire/index';
import { seal } from '../../test/unit/wire/fixtures';
import { createTestDatabase } from './pg-server';

export type Backend = 'sqlite' | 'postgres';
type Row = Record<string, unknown>;

export interface Harness {
  app: FastifyInstance;
  config: CollectorConfig;
  keys: CollectorKeys;
  backend: Backend;
  /** The current collector encryption key, shaped for sealBundle fixtures. */
  collector: EncryptionKeyPair;
  /** Seals `plaintext` to the collector as `device`, submits it and expects it accepted; answers the envelope sent. */
  submit(plaintext: BundlePlaintext, device: DeviceKeyPair): Promise<BundleEnvelope>;
  count(table: string): Promise<number>;
  /** Every file under the blob directory (temp files included), as paths relative to it. */
  blobFiles(): string[];
  /** The keyring of encryption at rest, read from its directory (as another collector would). */
  keyring: Keyring;
  /** A stored signal's content opened with its bundle's key; null when the key is gone or no such row. */
  signalContent(signalId: string): Promise<SignalContent | null>;
  /** A bundle's envelope, from its blob opened with the bundle's key; null when the blob or key is gone. */
  envelopeOf(bundleId: string): Promise<unknown>;
  /** Read-only query with `?` placeholders, on whichever backend the run uses. */
  query(sql: string, ...params: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export function testBackend(): Backend {
  return process.env.TRIBUTARY_TEST_PG === '1' || process.env.DATABASE_URL ? 'postgres' : 'sqlite';
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tributary-collector-'));
}

/** A fresh PostgreSQL database for this test run's server (see pg-global-setup.ts). */
export function testDatabase(): ReturnType<typeof createTestDatabase> {
  return createTestDatabase(inject('pgAdminUrl'));
}

/** A migrated store on this run's backend (a fresh database or file), without a server; `close` removes it. */
export async function openTestStore(): Promise<{ store: Store; close(): Promise<void> }> {
  if (testBackend() === 'sqlite') {
    const dir = tempDir();
    const store = openSqliteStore(join(dir, SQLITE_FILE_NAME));
    await store.migrate();
    return {
      store,
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await testDatabase();
  const store = openPostgresStore(database.url);
  await store.migrate();
  return {
    store,
    async close() {
      await store.close();
      await database.drop();
    },
  };
}

interface Reader {
  query(sql: string, params: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

function sqliteReader(dataDir: string): Reader {
  let db: Database.Database | undefined;
  return {
    async query(sql, params) {
      db ??= new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
      return db.prepare(sql).all(...params) as Row[];
    },
    async close() {
      db?.close();
    },
  };
}

function postgresReader(url: string): Reader {
  const pool = new pg.Pool({ connectionString: url, max: 2, types: numberTypes });
  // pool.end() resolves before its clients' sockets close, so the test database's DROP … WITH (FORCE)
  // can terminate one of them; that error must not reach the test runner as an uncaught exception.
  pool.on('error', () => undefined);
  return {
    async query(sql, params) {
      let n = 0;
      return (await pool.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as Row[];
    },
    close: () => pool.end(),
  };
}

export async function startHarness(env: Record<string, string> = {}, now?: () => number, deps: Omit<ServerDeps, 'keys' | 'now'> = {}): Promise<Harness> {
  const dataDir = tempDir();
  const backend = testBackend();
  const database = backend === 'postgres' ? await testDatabase() : undefined;
  const config = loadConfig({
    COLLECTOR_DATA_DIR: dataDir,
    COLLECTOR_LOG_LEVEL: 'silent',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const keys = loadOrCreateKeys(config);
  const app = buildServer(config, { ...deps, keys, now });
  await app.ready();
  const enc = currentEncryptionKey(keys);
  const reader = database ? postgresReader(database.url) : sqliteReader(dataDir);
  const query = (sql: string, ...params: unknown[]) => reader.query(sql, params);
  const keyring = fsKeyring(config.keyringDir, keys.master.key);
  const collector = { keyId: enc.keyId, publicKey: enc.publicKey, secretKey: enc.secretKey };
  return {
    keyring,
    async signalContent(signalId) {
      const [row] = await query('SELECT id, bundle_id, device_pub, sealed FROM signals WHERE id = ?', signalId);
      return row ? openStoredSignal(keyring, row as unknown as StoredSignalRef) : null;
    },
    async envelopeOf(bundleId) {
      const [row] = await query('SELECT device_pub, cid FROM bundles WHERE bundle_id = ?', bundleId);
      if (!row) return null;
      const blob = await fsBlobStore(config.blobDir).get(row.cid as string);
      const bytes = blob && (await openStoredEnvelope(keyring, row.device_pub as string, bundleId, blob));
      return bytes && JSON.parse(Buffer.from(bytes).toString('utf8'));
    },
    app,
    config,
    keys,
    backend,
    collector,
    async submit(plaintext, device) {
      const envelope = seal(plaintext, collector, device);
      const res = await app.inject({ method: 'POST', url: '/v1/bundles', payload: envelope });
      expect(res.statusCode, res.body).toBe(200);
      return envelope;
    },
    blobFiles: () =>
      readdirSync(config.blobDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(config.blobDir.length + 1)),
    count: async (table) => Number((await query(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n),
    query,
    async close() {
      await reader.close();
      await app.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(config.keyringDir, { recursive: true, force: true });
    },
  };
}
