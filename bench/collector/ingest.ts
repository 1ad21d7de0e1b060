/**
 * Collector ingest (verify + decrypt + validate + store + credit) in bundles/second under concurrent
 * load from a separate process, against a bare Fastify echo endpoint measured in the same run.
 * The real collector process (`node --import tsx collector/src/main.ts`) runs on a temp data dir with high rate limits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCollector } from '../../collector/test/process';
import { collectorKeysResponseSchema } from '../../utils/wire/index';
import { SIGNALS_PER_BUNDLE, benchSignal } from '../lib/bundles';
import { runTsJson } from '../lib/child';
import type { Figure } from '../lib/report';
import { median, round } from '../lib/stats';
import type { Round } from './load';

const ROUNDS = 2;
const BUNDLES_PER_ROUND = 60;
const ECHO_REQUESTS = 600;
const CONNECTIONS = 8;
const WARMUP_BUNDLES = 24;

export async function benchIngest(): Promise<Figure[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-collector-'));
  const collector = await startCollector(dataDir, {
    COLLECTOR_RATE_IP_PER_MIN: '100000000',
    COLLECTOR_RATE_DEVICE_PER_MIN: '100000000',
    // e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`: where the collector process's milliseconds go under this load.
    ...(process.env.BENCH_COLLECTOR_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_COLLECTOR_NODE_OPTIONS } : {}),
  });
  const echo = runTsJson<{ port: number; pid: number }>('bench/collector/echo-server.ts');
  try {
    const { port: echoPort, pid: echoPid } = await echo.line;
    const keys = collectorKeysResponseSchema.parse(await (await fetch(`${collector.baseUrl}/v1/keys`)).json());
    const current = keys.encryption.find((k) => k.current)!;
    const config = {
      echoUrl: `http://127.0.0.1:${echoPort}`,
      collectorUrl: collector.baseUrl,
      collectorPub: current.publicKey,
      collectorKeyId: current.keyId,
      bundlesPerRound: BUNDLES_PER_ROUND,
      rounds: ROUNDS,
      echoRequests: ECHO_REQUESTS,
      connections: CONNECTIONS,
      warmupBundles: WARMUP_BUNDLES,
      echoPid,
      collectorPid: collector.child.pid!,
    };
    const load = runTsJson<{ echo: Round[]; ingest: Round[]; bundleBytes: number }>('bench/collector/load.ts', [JSON.stringify(config)]);
    const result = await load.line;
    await load.exited;
    const failed = result.ingest.reduce((n, r) => n + r.failed, 0);
    if (failed > 0) throw new Error(`collector refused ${failed} bench bundles:\n${collector.logs().slice(-2000)}`);
    const ingest = median(result.ingest.map((r) => r.perSecond));
    const echoRate = median(result.echo.map((r) => r.perSecond));
    const kib = (result.bundleBytes / 1024).toFixed(0);
    return [
      { key: 'ingest_bundles_per_s', value: round(ingest, 1), unit: 'bundles/s', note: `20 signals × 384-dim, ${kib} KiB envelope, ${CONNECTIONS} connections` },
      { key: 'ingest_p99_ms', value: round(Math.max(...result.ingest.map((r) => r.p99)), 0), unit: 'ms', note: `p50 ${median(result.ingest.map((r) => r.p50))} ms` },
      { key: 'echo_per_s', value: round(echoRate, 1), unit: 'req/s', note: 'bare Fastify echo of the same bodies' },
      { key: 'echo_p99_ms', value: round(Math.max(...result.echo.map((r) => r.p99)), 0), unit: 'ms' },
      {
        key: 'wire_bytes_per_signal',
        value: round(result.bundleBytes / SIGNALS_PER_BUNDLE, 0),
        unit: 'B',
        note: `POST /v1/bundles body / ${SIGNALS_PER_BUNDLE} signals (wire v2: int8 embeddings; ${benchSignal(0, 0).text.length}-char texts)`,
        target: { op: '<=', value: 3000 },
      },
      {
        key: 'ingest_cpu_ms_per_bundle',
        value: round(median(result.ingest.map((r) => r.cpuMsPerRequest)), 2),
        unit: 'ms',
        note: 'the collector process\'s CPU time (all threads) per bundle stored, median of rounds',
      },
      { key: 'echo_cpu_ms_per_request', value: round(median(result.echo.map((r) => r.cpuMsPerRequest)), 2), unit: 'ms', note: 'the echo process\'s, per request' },
      { key: 'ingest_vs_echo', value: round(ingest / echoRate, 3), unit: 'ratio', note: `median of rounds interleaved echo/collector, after ${WARMUP_BUNDLES} unmeasured warm-up bundles`, target: { op: '>=', value: 0.3 } },
    ];
  } finally {
    echo.child.kill('SIGTERM');
    await echo.exited;
    await collector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
