/**
 * JSON lines in, JSON lines out:
 *   {"id":..., "text":"..."}  →  {"id":..., "redacted":"...", "entities":[{"type","start","end"}]}
 * Usage: npm run anonymize [-- --rules-only | --ner-dir DIR] < in.jsonl > out.jsonl
 * (--ner-dir: an unreleased model directory, unverified; the default is the manifest's checked model)
 * With the model (default), a line whose anonymization fails is reported on stderr and NOT written:
 * fail closed, as in the extension. Lines are processed in order, `CONCURRENCY` at a time, so model calls
 * overlap with reading and writing.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { anonymize } from '../utils/anonymize/index';
import { loadNerFromDir, loadNodeNer } from '../utils/anonymize/node-ner';
import type { AnonymizeResult, NerRunner } from '../utils/anonymize/types';

const Input = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });
const CONCURRENCY = 16;

async function loadNer(): Promise<NerRunner | undefined> {
  if (process.argv.includes('--rules-only')) return undefined;
  const dirFlag = process.argv.indexOf('--ner-dir');
  const dir = dirFlag >= 0 ? process.argv[dirFlag + 1] : undefined;
  return dir ? loadNerFromDir(dir) : loadNodeNer();
}

async function main(): Promise<void> {
  const ner = await loadNer();
  let failures = 0;
  const pending: Promise<string | null>[] = [];
  const flush = async (): Promise<void> => {
    for (const line of await Promise.all(pending.splice(0))) if (line !== null) process.stdout.write(line + '\n');
  };
  let lineNo = 0;
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNo++;
    if (raw.trim() === '') continue;
    const at = lineNo;
    pending.push(
      (async () => {
        try {
          const input = Input.parse(JSON.parse(raw));
          const result: AnonymizeResult = await anonymize(input.text, ner ? { ner, timeoutMs: 30_000 } : {});
          return JSON.stringify({ id: input.id, ...result });
        } catch (err) {
          failures++;
          process.stderr.write(`line ${at}: not anonymized (${(err as Error).message})\n`);
          return null;
        }
      })(),
    );
    if (pending.length >= CONCURRENCY) await flush();
  }
  await flush();
  if (failures > 0) process.exitCode = 1;
}

await main();
