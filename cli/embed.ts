/**
 * JSON lines in, JSON lines out, through the extension's own embedding code and model:
 *   {"id":..., "text":"..."}  →  {"id":..., "embedding":[...]}   (mean-pooled, normalized)
 * Usage: npm run --silent embed < in.jsonl > out.jsonl
 * Lines are embedded in batches of BATCH; a malformed line is reported on stderr and skipped.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { loadNodeRunners } from '../utils/models/node-runners';

const Input = z.object({ id: z.union([z.string(), z.number()]), text: z.string().max(100_000) });
const BATCH = 32;

async function main(): Promise<void> {
  const runners = await loadNodeRunners();
  let batch: z.infer<typeof Input>[] = [];
  let failures = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const vectors = await runners.embed(batch.map((b) => b.text));
    process.stdout.write(batch.map((b, i) => JSON.stringify({ id: b.id, embedding: vectors[i] })).join('\n') + '\n');
    batch = [];
  };
  let lineNo = 0;
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNo++;
    if (raw.trim() === '') continue;
    try {
      batch.push(Input.parse(JSON.parse(raw)));
    } catch (err) {
      failures++;
      process.stderr.write(`line ${lineNo}: skipped (${(err as Error).message.split('\n')[0]})\n`);
      continue;
    }
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await runners.dispose();
  if (failures > 0) process.exitCode = 1;
}

await main();
