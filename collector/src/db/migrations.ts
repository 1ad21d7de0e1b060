// The schema, as Kysely migrations run by its Migrator on either dialect. Append a migration to
// change it; never edit one that has shipped. The few column types SQL dialects spell differently
// come from the dialect setup (ColumnTypes).
import { sql, type ColumnDataType, type ColumnDefinitionBuilder, type Kysely, type Migration, Migrator } from 'kysely';
import { encodeVector } from '../../../utils/wire/index';

export interface ColumnTypes {
  bytes: ColumnDataType;
  /** An ever-increasing integer primary key (the append order of ledger and voucher rows). */
  serialKey: { type: ColumnDataType; build: (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder };
}

// A migration runs against the schema as it was then, not as Tables says it is now.
type AnyDb = Kysely<any>;

/**
 * Every statement is IF NOT EXISTS: SQLite runs a migration's DDL outside a transaction under
 * Kysely's Migrator, so a crash half-way must leave a migration that can simply run again.
 */
function initialSchema(types: ColumnTypes): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('bundles')
        .ifNotExists()
        .addColumn('bundle_id', 'text', (c) => c.primaryKey())
        .addColumn('device_pub', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('collector_key_id', 'text', (c) => c.notNull())
        .addColumn('envelope_hash', 'text', (c) => c.notNull())
        .addColumn('envelope_json', 'text')
        .addColumn('signal_count', 'bigint', (c) => c.notNull())
        .addColumn('receipt_json', 'text')
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('deleted_at', 'bigint')
        .addColumn('cid', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema.createIndex('bundles_device').ifNotExists().on('bundles').column('device_pub').execute();

      await db.schema
        .createTable('signals')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('bundle_id', 'text', (c) => c.notNull().references('bundles.bundle_id'))
        .addColumn('device_pub', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('entities_json', 'text', (c) => c.notNull())
        .addColumn('embedding_f64', types.bytes, (c) => c.notNull())
        .addColumn('dims', 'bigint', (c) => c.notNull())
        .addColumn('model_embed', 'text', (c) => c.notNull())
        .addColumn('model_ner', 'text', (c) => c.notNull())
        .addColumn('visited_at', 'bigint', (c) => c.notNull())
        .addColumn('dwell_ms', 'bigint', (c) => c.notNull())
        .addColumn('scroll_depth', 'double precision', (c) => c.notNull())
        .addColumn('interactions', 'bigint', (c) => c.notNull())
        .addColumn('lang', 'text')
        .addColumn('stored_at', 'bigint', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('earned', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('signals_device_content').ifNotExists().on('signals').columns(['device_pub', 'content_hash']).execute();
      await db.schema.createIndex('signals_bundle').ifNotExists().on('signals').column('bundle_id').execute();
      // The near-duplicate window: a device's most recent earned signals of one embedding model.
      await db.schema
        .createIndex('signals_earned_recent')
        .ifNotExists()
        .on('signals')
        .columns(['device_pub', 'model_embed', 'stored_at'])
        .where(sql.ref('earned'), '=', 1)
        .execute();

      // Append-only: one 'credit' row per accepted bundle, one 'deletion' debit row per bundle
      // touched by a deletion. Balance = SUM(amount).
      await db.schema
        .createTable('ledger')
        .ifNotExists()
        .addColumn('id', types.serialKey.type, types.serialKey.build)
        .addColumn('device_pub', 'text', (c) => c.notNull())
        .addColumn('bundle_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('credit', 'deletion')`))
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('signal_count', 'bigint', (c) => c.notNull())
        .addColumn('request_hash', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ledger_device').ifNotExists().on('ledger').column('device_pub').execute();
      await db.schema
        .createIndex('ledger_one_credit_per_bundle')
        .ifNotExists()
        .unique()
        .on('ledger')
        .column('bundle_id')
        .where(sql.ref('kind'), '=', 'credit')
        .execute();

      await db.schema
        .createTable('deletion_requests')
        .ifNotExists()
        .addColumn('request_hash', 'text', (c) => c.primaryKey())
        .addColumn('device_pub', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addColumn('scope_kind', 'text', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('receipt_json', 'text')
        .addUniqueConstraint('deletion_requests_device_nonce', ['device_pub', 'nonce'])
        .execute();

      // Audit trail of scoring: one row per signal of every stored bundle, with the units it earned
      // and why. deleted_at is set when the device deletes the signal; the row stays so a re-sent
      // deleted signal earns nothing. No content is kept here.
      await db.schema
        .createTable('signal_scores')
        .ifNotExists()
        .addColumn('bundle_id', 'text', (c) => c.notNull())
        .addColumn('signal_id', 'text', (c) => c.notNull())
        .addColumn('device_pub', 'text', (c) => c.notNull())
        .addColumn('units', 'bigint', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('scored_at', 'bigint', (c) => c.notNull())
        .addColumn('deleted_at', 'bigint')
        .addPrimaryKeyConstraint('signal_scores_pk', ['bundle_id', 'signal_id'])
        .execute();
      await db.schema.createIndex('signal_scores_device_day').ifNotExists().on('signal_scores').columns(['device_pub', 'day']).execute();
      await db.schema.createIndex('signal_scores_signal').ifNotExists().on('signal_scores').column('signal_id').execute();

      await db.schema
        .createTable('wallet_link_nonces')
        .ifNotExists()
        .addColumn('nonce', 'text', (c) => c.primaryKey())
        .addColumn('device_pub', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();

      // A device links to one wallet, for good: moving it would let a second wallet claim the
      // same earnings again. A wallet may have several devices.
      await db.schema
        .createTable('wallet_links')
        .ifNotExists()
        .addColumn('device_pub', 'text', (c) => c.primaryKey())
        .addColumn('wallet', 'text', (c) => c.notNull())
        .addColumn('chain_id', 'bigint', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('wallet_sig', 'text', (c) => c.notNull())
        .addColumn('device_sig', 'text', (c) => c.notNull())
        .addColumn('linked_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('wallet_links_wallet').ifNotExists().on('wallet_links').column('wallet').execute();

      // Every voucher signed: a signed voucher cannot be revoked, so later vouchers never go below it.
      await db.schema
        .createTable('vouchers')
        .ifNotExists()
        .addColumn('id', types.serialKey.type, types.serialKey.build)
        .addColumn('wallet', 'text', (c) => c.notNull())
        .addColumn('chain_id', 'bigint', (c) => c.notNull())
        .addColumn('contract', 'text', (c) => c.notNull())
        .addColumn('cumulative_amount', 'text', (c) => c.notNull())
        .addColumn('deadline', 'bigint', (c) => c.notNull())
        .addColumn('issued_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('vouchers_wallet').ifNotExists().on('vouchers').columns(['wallet', 'chain_id', 'contract']).execute();

      // One signed Merkle root per epoch, over the CIDs of the bundles live at that moment, and
      // the leaves of each epoch in tree order, so proofs stay computable after later deletions.
      await db.schema
        .createTable('transparency_roots')
        .ifNotExists()
        .addColumn('epoch', 'bigint', (c) => c.primaryKey())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('root', 'text', (c) => c.notNull())
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addColumn('collector_key_id', 'text', (c) => c.notNull())
        .addColumn('sig', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('transparency_leaves')
        .ifNotExists()
        .addColumn('epoch', 'bigint', (c) => c.notNull().references('transparency_roots.epoch'))
        .addColumn('leaf_index', 'bigint', (c) => c.notNull())
        .addColumn('bundle_id', 'text', (c) => c.notNull())
        .addColumn('cid', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('transparency_leaves_pk', ['epoch', 'leaf_index'])
        .execute();
      await db.schema.createIndex('transparency_leaves_bundle').ifNotExists().on('transparency_leaves').columns(['bundle_id', 'epoch']).execute();
    },
  };
}

/**
 * Blind reward tokens. Issuance is tied to a device (it spends the device's credit); spending is
 * tied to nothing but the token: `spent_tokens` holds a nullifier with its public metadata and no
 * time, device, wallet or address. Issuer secret keys are sealed with a key derived from the
 * collector's receipt key, so the database alone cannot mint tokens.
 */
function blindTokens(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('issuer_keys')
        .ifNotExists()
        .addColumn('epoch', 'bigint', (c) => c.primaryKey())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('sealed_secret', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'bigint', (c) => c.notNull())
        .addColumn('ends_at', 'bigint', (c) => c.notNull())
        .addColumn('leaf_index', 'bigint', (c) => c.notNull().unique())
        .execute();
      // One signed root per size of the append-only issuer-key log.
      await db.schema
        .createTable('issuer_log_roots')
        .ifNotExists()
        .addColumn('size', 'bigint', (c) => c.primaryKey())
        .addColumn('root', 'text', (c) => c.notNull())
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addColumn('collector_key_id', 'text', (c) => c.notNull())
        .addColumn('sig', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('token_issuance')
        .ifNotExists()
        .addColumn('request_hash', 'text', (c) => c.primaryKey())
        .addColumn('device_pub', 'text', (c) => c.notNull())
        .addColumn('epoch', 'bigint', (c) => c.notNull())
        .addColumn('units', 'bigint', (c) => c.notNull())
        .addColumn('tokens', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('token_issuance_device').ifNotExists().on('token_issuance').column('device_pub').execute();
      await db.schema.createIndex('token_issuance_epoch').ifNotExists().on('token_issuance').column('epoch').execute();
      await db.schema
        .createTable('spent_tokens')
        .ifNotExists()
        .addColumn('nullifier', 'text', (c) => c.primaryKey())
        .addColumn('epoch', 'bigint', (c) => c.notNull())
        .addColumn('denomination', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}

const F64_BYTES = 8;

/**
 * Wire v2: a signal's embedding is stored as the device sends it (vector-codec.ts, int8 + scale)
 * in `signals.embedding`, no longer as float64s in `embedding_f64`. Rows stored before are
 * re-encoded. Each step checks what is already done, so a crash half-way can run it again.
 */
function binaryEmbeddings(types: ColumnTypes): Migration {
  return {
    async up(db: AnyDb) {
      const columns = async () =>
        new Set((await db.introspection.getTables()).find((t) => t.name === 'signals')?.columns.map((c) => c.name) ?? []);
      if (!(await columns()).has('embedding')) await db.schema.alterTable('signals').addColumn('embedding', types.bytes).execute();
      if (!(await columns()).has('embedding_f64')) return;
      for (;;) {
        const rows: { id: string; embedding_f64: Uint8Array }[] = await db
          .selectFrom('signals')
          .select(['id', 'embedding_f64'])
          .where('embedding', 'is', null)
          .limit(1000)
          .execute();
        if (rows.length === 0) break;
        // PostgreSQL runs the migration in a transaction already; SQLite does not, and one commit per row would be an fsync each.
        const batch = async (tx: AnyDb) => {
          for (const r of rows) {
            const f64 = new DataView(r.embedding_f64.buffer, r.embedding_f64.byteOffset, r.embedding_f64.byteLength);
            const values = Array.from({ length: r.embedding_f64.byteLength / F64_BYTES }, (_, i) => f64.getFloat64(i * F64_BYTES, true));
            await tx.updateTable('signals').set({ embedding: encodeVector(values) }).where('id', '=', r.id).execute();
          }
        };
        await (db.isTransaction ? batch(db) : db.transaction().execute(batch));
      }
      await db.schema.alterTable('signals').dropColumn('embedding_f64').execute();
    },
  };
}

/**
 * Dataset releases (issue 19): one row per release cut, in order. A release is never edited; a later
 * one supersedes it, and `superseded_by` says which.
 */
function releases(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('releases')
        .ifNotExists()
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('manifest_cid', 'text', (c) => c.notNull().unique())
        .addColumn('parent_cid', 'text')
        .addColumn('log_epoch', 'bigint', (c) => c.notNull())
        .addColumn('records', 'bigint', (c) => c.notNull())
        .addColumn('records_left', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('superseded_by', 'text')
        .execute();
    },
  };
}

/** Compute contributions: shards of public texts, the jobs devices run, and the public index. */
function computeSchema(types: ColumnTypes): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('compute_shards')
        .ifNotExists()
        .addColumn('shard_id', 'text', (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('texts_json', 'text', (c) => c.notNull())
        .addColumn('model_id', 'text', (c) => c.notNull())
        .addColumn('model_version', 'text', (c) => c.notNull())
        .addColumn('dims', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('open', 'accepted')`))
        .addColumn('required', 'bigint', (c) => c.notNull())
        .addColumn('reference_f32', types.bytes)
        .addColumn('accepted_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('compute_shards_model_status').ifNotExists().on('compute_shards').columns(['model_version', 'status']).execute();
      await db.schema
        .createTable('compute_jobs')
        .ifNotExists()
        .addColumn('job_id', 'text', (c) => c.primaryKey())
        .addColumn('shard_id', 'text', (c) => c.notNull().references('compute_shards.shard_id'))
        .addColumn('device_pub', 'text', (c) => c.notNull())
        .addColumn('known_answer', 'bigint', (c) => c.notNull())
        .addColumn('issued_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('returned_at', 'bigint')
        .addColumn('vectors_f32', types.bytes)
        .addColumn('verdict', 'text', (c) => c.check(sql`verdict IN ('pending', 'accepted', 'rejected')`))
        .execute();
      await db.schema.createIndex('compute_jobs_shard').ifNotExists().on('compute_jobs').column('shard_id').execute();
      await db.schema.createIndex('compute_jobs_device').ifNotExists().on('compute_jobs').columns(['device_pub', 'returned_at']).execute();
      await db.schema
        .createTable('compute_devices')
        .ifNotExists()
        .addColumn('device_pub', 'text', (c) => c.primaryKey())
        .addColumn('outvoted', 'bigint', (c) => c.notNull())
        .addColumn('refused_at', 'bigint')
        .execute();
      await db.schema
        .createTable('index_entries')
        .ifNotExists()
        .addColumn('shard_id', 'text', (c) => c.notNull().references('compute_shards.shard_id'))
        .addColumn('position', 'bigint', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('model_id', 'text', (c) => c.notNull())
        .addColumn('model_version', 'text', (c) => c.notNull())
        .addColumn('vector_f32', types.bytes, (c) => c.notNull())
        .addPrimaryKeyConstraint('index_entries_pk', ['shard_id', 'position'])
        .execute();
      await db.schema.createIndex('index_entries_model').ifNotExists().on('index_entries').column('model_version').execute();
    },
  };
}

/**
 * Encryption at rest: a signal's content moves into one sealed column, and the bundle's envelope
 * lives only in its blob (sealed too). A database holding contributions stored before is refused,
 * not converted: their plaintext would have to be read and sealed by keys this migration does not
 * hold. Each step checks the schema first, so a run cut short by a crash can run again.
 */
function contentSealedAtRest(types: ColumnTypes): Migration {
  return {
    async up(db: AnyDb) {
      const columns = async (table: string) => (await db.introspection.getTables()).find((t) => t.name === table)!.columns.map((c) => c.name);
      const signals = await columns('signals');
      if (signals.includes('text')) {
        const plaintext = [
          ...(await db.selectFrom('signals').select('id').limit(1).execute()),
          ...(await db.selectFrom('bundles').select('bundle_id').where('envelope_json', 'is not', null).limit(1).execute()),
        ];
        if (plaintext.length) {
          throw new Error(
            'this database holds contributions stored in plaintext, before encryption at rest: export them (npm run export) and start the collector on an empty data directory',
          );
        }
      }
      if (!signals.includes('sealed')) await db.schema.alterTable('signals').addColumn('sealed', types.bytes).execute();
      for (const column of ['title', 'text', 'entities_json', 'embedding']) {
        if (signals.includes(column)) await db.schema.alterTable('signals').dropColumn(column).execute();
      }
      if ((await columns('bundles')).includes('envelope_json')) await db.schema.alterTable('bundles').dropColumn('envelope_json').execute();
    },
  };
}

/**
 * Blind reward tokens replaced wallet links: these tables joined a wallet to a device and so to
 * everything it sent. Dropping them removes the join from every existing database.
 */
function dropWalletLinks(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.dropTable('wallet_links').ifExists().execute();
      await db.schema.dropTable('wallet_link_nonces').ifExists().execute();
    },
  };
}

/** Every migration, by name, in order. */
export function schemaMigrations(types: ColumnTypes): Record<string, Migration> {
  return {
    '0001_initial': initialSchema(types),
    '0002_blind_tokens': blindTokens(),
    '0003_binary_embeddings': binaryEmbeddings(types),
    '0004_releases': releases(),
    '0005_compute': computeSchema(types),
    '0006_content_sealed_at_rest': contentSealedAtRest(types),
    '0007_drop_wallet_links': dropWalletLinks(),
  };
}

/** Brings the schema up to date; several collectors starting on one PostgreSQL database take turns (Migrator's lock). */
export async function migrateToLatest(db: AnyDb, types: ColumnTypes): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => schemaMigrations(types) } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
