/**
 * Community dataset export from the collector's store (SQLite in COLLECTOR_DATA_DIR, or
 * PostgreSQL when DATABASE_URL is set):
 *   npm run export -- --out dataset.jsonl [--k 10] [--threshold 0.8] [--format jsonl]
 * Writes one JSON line per released, non-deleted contribution (redacted text, embedding, topic,
 * UTC day, language, origin — nothing that identifies a device) and a datasheet next to it
 * (`<out>.datasheet.json`). Only topics contributed by at least k distinct devices are released.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../collector/src/config';
import { buildDataset } from '../collector/src/export/dataset';
import { openStore } from '../collector/src/db/open';
import { liveSignals } from '../collector/src/export/store';

const argsSchema = z.strictObject({
  out: z.string().min(1),
  k: z.coerce.number().int().min(1).default(10),
  threshold: z.coerce.number().gt(0).max(1).default(0.8),
  format: z.literal('jsonl').default('jsonl'),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, k: { type: 'string' }, threshold: { type: 'string' }, format: { type: 'string' } },
    strict: true,
  });
  const args = argsSchema.parse(values);
  const store = openStore(loadConfig());
  try {
    await store.migrate();
    const { records, datasheet } = buildDataset(await liveSignals(store.db), { k: args.k, threshold: args.threshold });
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
