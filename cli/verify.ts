/**
 * Verifies a dataset release without trusting whoever serves it:
 *   npm run verify -- <manifest CID> [--gateway URL] [--collector URL] [--receipt-key HEX] [--min-k N] [--out DIR]
 * Downloads the release as a CAR from any IPFS trustless gateway (default: the collector's), recomputes
 * every block's CID, checks the manifest's transparency-log root against the collector's receipt key
 * and that the manifest's CID is itself in a signed root of that log (an inclusion proof from the
 * collector), that no record carries a device identifier, that every topic has at least k devices,
 * and asks the collector whether the release was superseded. Prints a short report; exit code 1 on any failure.
 * --out writes the records (records.jsonl), the documents and the community model for use.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CarBlockIterator } from '@ipld/car';
import { z } from 'zod';
import { releaseLogProofRoute, releasesRoute } from '../utils/collector-api/releases';
import { routePath } from '../utils/collector-api/route';
import { recordsJsonl } from '../utils/release/format';
import { manifestLogFailures } from '../utils/release/log-inclusion';
import { verifyRelease, type VerifyReport } from '../utils/release/verify';
import { collectorKeysResponseSchema } from '../utils/wire/collector-keys';

const argsSchema = z.strictObject({
  gateway: z.url().default(process.env.TRIBUTARY_COLLECTOR_URL ?? 'http://127.0.0.1:8787'),
  collector: z.url().optional(),
  'receipt-key': z.string().regex(/^[0-9a-f]{64}$/).optional(),
  'min-k': z.coerce.number().int().min(1).optional(),
  out: z.string().min(1).optional(),
});

const MAX_CAR_BYTES = 2 * 1024 ** 3;

async function fetchOk(url: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res;
}

async function downloadCar(gateway: string, cid: string): Promise<{ roots: string[]; blocks: Map<string, Uint8Array> }> {
  const res = await fetchOk(new URL(`/ipfs/${cid}?format=car`, gateway).href, { headers: { accept: 'application/vnd.ipld.car' } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_CAR_BYTES) throw new Error('the CAR is larger than 2 GiB');
  const car = await CarBlockIterator.fromBytes(bytes);
  const blocks = new Map<string, Uint8Array>();
  // Keyed by the CID the CAR claims; verifyRelease recomputes each from the bytes.
  for await (const b of car) blocks.set(b.cid.toString(), b.bytes);
  return { roots: (await car.getRoots()).map(String), blocks };
}

/** The collector's proof that the manifest is in its log; null when it has none (404). */
async function logProof(collector: string, cid: string) {
  const res = await fetch(new URL(routePath(releaseLogProofRoute, { cid }), collector).href);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}`);
  return releaseLogProofRoute.schema.response[200].parse(await res.json());
}

function printReport(r: VerifyReport, status: string, loggedAt: number | null): void {
  const lines = [
    `release ${r.cid}`,
    `  blocks ${r.blocks}, records ${r.records}, topics ${r.topics}, k ${r.k ?? '?'}, log epoch ${r.logEpoch ?? '?'}`,
    r.manifest ? `  license ${r.manifest.license}, seq ${r.manifest.seq}, parent ${r.manifest.parent?.toString() ?? 'none'}` : '',
    r.manifest?.model ? `  community model: ${r.manifest.model.labels.length} topics, held-out accuracy ${r.manifest.model.heldOutAccuracy}` : '',
    loggedAt !== null ? `  manifest in the signed transparency log at epoch ${loggedAt}` : '',
    `  status: ${status}`,
    ...r.failures.map((f) => `  FAIL ${f}`),
    r.ok
      ? 'OK: every block matches its CID, the manifest is in the log under a root signed by the collector, no device identifiers, every topic has at least k devices'
      : `FAILED (${r.failures.length})`,
  ];
  process.stdout.write(lines.filter(Boolean).join('\n') + '\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { gateway: { type: 'string' }, collector: { type: 'string' }, 'receipt-key': { type: 'string' }, 'min-k': { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const args = argsSchema.parse(values);
  const cid = z.string().regex(/^b[a-z2-7]{20,}$/, 'give the manifest CID (base32 CIDv1)').parse(positionals[0]);
  const collector = args.collector ?? args.gateway;

  const receiptPub =
    args['receipt-key'] ?? collectorKeysResponseSchema.parse(await (await fetchOk(new URL('/v1/keys', collector).href)).json()).receipt.publicKey;
  const { roots, blocks } = await downloadCar(args.gateway, cid);
  const report = await verifyRelease(cid, blocks, { receiptPub, minK: args['min-k'] });
  if (roots.length !== 1 || roots[0] !== cid) report.failures.unshift(`the CAR's root is ${roots.join(', ') || 'missing'}, not ${cid}`);
  const logged = report.manifest ? await logProof(collector, cid) : null;
  const logFailures = report.manifest ? manifestLogFailures(cid, report.manifest, logged, receiptPub) : [];
  report.failures.push(...logFailures);

  const index = releasesRoute.schema.response[200].parse(await (await fetchOk(new URL(releasesRoute.url, collector).href)).json());
  const listed = index.releases.find((r) => r.manifestCid === cid);
  let status = 'current';
  if (!listed) report.failures.push('the collector does not list this release');
  else if (listed.supersededBy) {
    status = `superseded by ${listed.supersededBy}`;
    report.failures.push(`superseded by ${listed.supersededBy}: contributions were deleted or added since; use the newer release`);
  }
  report.ok = report.failures.length === 0;

  if (args.out && report.manifest) {
    mkdirSync(args.out, { recursive: true });
    writeFileSync(join(args.out, 'records.jsonl'), recordsJsonl(report.recordList));
    const m = report.manifest;
    for (const [file, link] of [
      ['datasheet.json', m.datasheet],
      ['croissant.json', m.croissant],
      ['diversity.json', m.diversity],
      ...(m.model ? ([['model.onnx', m.model.onnx], ['model-card.json', m.model.card]] as const) : []),
    ] as const) {
      const bytes = blocks.get(link.toString());
      if (bytes) writeFileSync(join(args.out, file), bytes);
    }
  }
  printReport(report, status, logged && logFailures.length === 0 ? logged.root.epoch : null);
  if (!report.ok) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`verify failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
