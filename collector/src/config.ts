import { join, resolve } from 'node:path';
import { z } from 'zod';
import { loadRewardsConfig, type RewardsConfig } from './rewards/config';

const envSchema = z.object({
  COLLECTOR_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  COLLECTOR_HOST: z.string().min(1).default('127.0.0.1'),
  COLLECTOR_DATA_DIR: z.string().min(1).default('.data/collector'),
  COLLECTOR_KEY_FILE: z.string().min(1).optional(),
  COLLECTOR_KEYS_JSON: z.string().min(1).optional(),
  COLLECTOR_MAX_SKEW_MS: z.coerce.number().int().min(0).default(10 * 60 * 1000),
  COLLECTOR_BODY_LIMIT: z.coerce.number().int().min(1024).default(9 * 1024 * 1024),
  COLLECTOR_RATE_IP_PER_MIN: z.coerce.number().int().min(1).default(120),
  COLLECTOR_RATE_DEVICE_PER_MIN: z.coerce.number().int().min(1).default(60),
  /** Test-only failpoint: SIGKILL itself right after the Nth commit, before the ack is sent. */
  COLLECTOR_FAILPOINT_KILL_AFTER_COMMITS: z.coerce.number().int().min(1).optional(),
  COLLECTOR_BLOB_DIR: z.string().min(1).optional(),
  COLLECTOR_KEYRING_DIR: z.string().min(1).optional(),
  COLLECTOR_EPOCH_MS: z.coerce.number().int().min(1000).default(60 * 60 * 1000),
  /** Cosine at which two embeddings share a topic in a release (k, licence and cadence are the community's policy). */
  COLLECTOR_RELEASE_TOPIC_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.8),
  /** Where the collector's IPFS node keeps release blocks. */
  COLLECTOR_IPFS_DIR: z.string().min(1).optional(),
  /** PostgreSQL connection string; unset = SQLite in the data dir. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
  /** The collector's origin as contributors reach it (the community descriptor names it); default http://HOST:PORT. */
  COLLECTOR_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** What the community calls itself in its descriptor. */
  COLLECTOR_COMMUNITY_NAME: z.string().min(1).max(80).default('Tributary (this machine)'),
  COLLECTOR_COMMUNITY_DESCRIPTION: z
    .string()
    .max(1000)
    .default('The community of one local collector, on embedded defaults: contributions stay on this machine.'),
  COLLECTOR_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface CollectorConfig {
  port: number;
  host: string;
  dataDir: string;
  keyFile: string;
  /** Inline key material (JSON of the key file); when set the key file is not touched. */
  keysJson?: string;
  maxSkewMs: number;
  bodyLimit: number;
  rateLimit: { perIpPerMinute: number; perDevicePerMinute: number };
  logLevel: z.infer<typeof envSchema>['COLLECTOR_LOG_LEVEL'];
  failpointKillAfterCommits?: number;
  /** Set: the store is PostgreSQL at this URL (several collectors may share it); unset: SQLite in dataDir. */
  databaseUrl?: string;
  /** Content-addressed envelope blobs (share it between collectors on one database). */
  blobDir: string;
  /**
   * The wrapped data keys of encryption at rest (at-rest/keyring.ts). Outside the data directory by
   * default, so that a copy of the data directory is ciphertext only; share it between collectors on one database.
   */
  keyringDir: string;
  /** How often a transparency-log root is published. */
  epochMs: number;
  /** Cosine at which two embeddings share a topic in a release. */
  releaseTopicThreshold: number;
  /** The IPFS node's block store (share it between collectors on one database, like blobDir). */
  ipfsDir: string;
  rewards: RewardsConfig;
  community: {
    /** The collector's origin; unset: http://HOST:PORT as it listens. */
    publicUrl?: string;
    name: string;
    description: string;
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): CollectorConfig {
  const e = envSchema.parse(env);
  const dataDir = resolve(e.COLLECTOR_DATA_DIR);
  return {
    port: e.COLLECTOR_PORT,
    host: e.COLLECTOR_HOST,
    dataDir,
    keyFile: resolve(e.COLLECTOR_KEY_FILE ?? join(dataDir, 'keys.json')),
    keysJson: e.COLLECTOR_KEYS_JSON,
    maxSkewMs: e.COLLECTOR_MAX_SKEW_MS,
    bodyLimit: e.COLLECTOR_BODY_LIMIT,
    rateLimit: { perIpPerMinute: e.COLLECTOR_RATE_IP_PER_MIN, perDevicePerMinute: e.COLLECTOR_RATE_DEVICE_PER_MIN },
    logLevel: e.COLLECTOR_LOG_LEVEL,
    failpointKillAfterCommits: e.COLLECTOR_FAILPOINT_KILL_AFTER_COMMITS,
    databaseUrl: e.DATABASE_URL,
    blobDir: resolve(e.COLLECTOR_BLOB_DIR ?? join(dataDir, 'blobs')),
    keyringDir: resolve(e.COLLECTOR_KEYRING_DIR ?? `${dataDir}-keyring`),
    epochMs: e.COLLECTOR_EPOCH_MS,
    releaseTopicThreshold: e.COLLECTOR_RELEASE_TOPIC_THRESHOLD,
    ipfsDir: resolve(e.COLLECTOR_IPFS_DIR ?? join(dataDir, 'ipfs')),
    rewards: loadRewardsConfig(env, dataDir),
    community: {
      publicUrl: e.COLLECTOR_PUBLIC_URL && new URL(e.COLLECTOR_PUBLIC_URL).origin,
      name: e.COLLECTOR_COMMUNITY_NAME,
      description: e.COLLECTOR_COMMUNITY_DESCRIPTION,
    },
  };
}
