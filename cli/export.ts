/**
 * Community dataset export from the collector's store (SQLite in COLLECTOR_DATA_DIR, or
 * PostgreSQL when DATABASE_URL is set; the key file and keyring of that collector):
 *   npm run export -- --out dataset.jsonl [--k N] [--threshold 0.8] [--format jsonl]
 * Writes one JSON line per released, non-deleted contribution (redacted text, embedding, topic,
 * UTC day, language, origin — nothing that identifies a device) and a datasheet next to it
 * (`<out>.datasheet.json`). Only topics contributed by at least k distinct devices are released; k is
 * the community's minimum k in force (CommonsPolicy, or the embedded default without a chain) unless
 * --k asks for a larger one: an export may be stricter than its community, never looser.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../collector/src/config';
import { buildDataset } from '../collector/src/export/dataset';
import { openStore } from '../collector/src/db/open';
import { liveSignals } from '../collector/src/export/store';
import { readPolicyInForce } from '../collector/src/policy/in-force';
import { fsKeyring } from '../collector/src/at-rest/keyring';
import { loadOrCreateKeys } from '../collector/src/key-material';

const argsSchema = z.strictObject({
  out: z.string().min(1),
  k: z.coerce.number().int().min(1).optional(),
  threshold: z.coerce.number().gt(0).max(1).default(0.8),
  format: z.literal('jsonl').default('jsonl'),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, k: { type: 'string' }, threshold: { type: 'string' }, format: { type: 'string' } },
    strict: true,
  });
  const args = argsSchema.parse(values);
  const config = loadConfig();
  const { rules } = await readPolicyInForce(config.rewards);
  if (args.k !== undefined && args.k < rules.minK) throw new Error(`--k ${args.k} is below the community's minimum k in force (${rules.minK})`);
  const k = args.k ?? rules.minK;
  const store = openStore(config);
  // The stored content is sealed at rest: reading it takes the collector's master key and keyring.
  const keyring = fsKeyring(config.keyringDir, loadOrCreateKeys(config).master.key);
  try {
    await store.migrate();
    const { records, datasheet } = buildDataset(await liveSignals(store.db, keyring), { k, threshold: args.threshold });
    writeFileSync(args.out, records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : ''));
    writeFileSync(`${args.out}.datasheet.json`, JSON.stringify(datasheet, null, 2) + '\n');
    process.stdout.write(
      `${JSON.stringify({ out: args.out, datasheet: `${args.out}.datasheet.json`, records: datasheet.records, topics: datasheet.topics.released, withheld: datasheet.topics.recordsWithheld })}\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`export failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
