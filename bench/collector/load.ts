/**
 * The load generator, run as its own process so it never shares an event loop with a server.
 * Seals distinct 20-signal bundles (fresh bundle and signal ids, several devices), then drives
 * the echo endpoint and the collector alternately with autocannon: echo, collector, echo, collector.
 * Both servers first get an unmeasured warm-up (fresh processes: JIT, first SQLite pages, tsx). 
 * Config is one JSON object in argv[2]; the result is one JSON line on stdout.
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { base64ToBytes, generateDeviceKeyPair, sealBundle } from '../../utils/wire/index';
import { benchBundle } from '../lib/bundles';

const Config = z.object({
  echoUrl: z.url(),
  collectorUrl: z.url(),
  collectorPub: z.string(),
  collectorKeyId: z.string(),
  /** Distinct bundles per collector round; the collector stores each one once. */
  bundlesPerRound: z.number().int().positive(),
  rounds: z.number().int().positive(),
  echoRequests: z.number().int().positive(),
  connections: z.number().int().positive(),
  /** Distinct bundles sent to each server before the first measured round, not counted. */
  warmupBundles: z.number().int().nonnegative(),
  /** The servers' processes, whose CPU time (all threads) each round reads from /proc. */
  echoPid: z.number().int().positive(),
  collectorPid: z.number().int().positive(),
});
const config = Config.parse(JSON.parse(process.argv[2] ?? '{}'));

const DEVICES = 8;
const devices = Array.from({ length: DEVICES }, generateDeviceKeyPair);
const key = { collectorPub: base64ToBytes(config.collectorPub), collectorKeyId: config.collectorKeyId };
const bodies = Array.from({ length: config.bundlesPerRound * config.rounds + config.warmupBundles }, (_, i) => {
  const device = devices[i % DEVICES]!;
  return JSON.stringify(sealBundle(benchBundle(device.publicKey), key, device.secretKey));
});

export interface Round {
  perSecond: number;
  /** CPU time (user + system, every thread) of the server per request answered: steadier than rates on a loaded machine. */
  cpuMsPerRequest: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

/**
 * Rates are taken from this process's clock (first request to last response): autocannon's own
 * `duration` ends at its next 1-second sample tick, so a 0.4 s round counted as ~1.0 s.
 */
/** utime + stime of a process in ms (/proc/PID/stat fields 14 and 15, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function fire(url: string, payloads: string[], amount: number, pid: number): Promise<Round> {
  let next = 0;
  const cpuBefore = cpuMs(pid);
  const start = performance.now();
  let lastResponse = start;
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: config.connections,
    amount,
    timeout: 60,
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: payloads[next++ % payloads.length] }),
        onResponse: () => void (lastResponse = performance.now()),
      },
    ],
  });
  const ok = result['2xx'];
  return { perSecond: ok / ((lastResponse - start) / 1000), cpuMsPerRequest: (cpuMs(pid) - cpuBefore) / (ok || 1), p50: result.latency.p50, p99: result.latency.p99, ok, failed: result.non2xx + result.errors + result.timeouts };
}

const warmup = bodies.splice(0, config.warmupBundles);
if (warmup.length) {
  await fire(`${config.echoUrl}/echo`, warmup, warmup.length, config.echoPid);
  await fire(`${config.collectorUrl}/v1/bundles`, warmup, warmup.length, config.collectorPid);
}
const echo: Round[] = [];
const ingest: Round[] = [];
for (let r = 0; r < config.rounds; r++) {
  echo.push(await fire(`${config.echoUrl}/echo`, bodies, config.echoRequests, config.echoPid));
  const own = bodies.slice(r * config.bundlesPerRound, (r + 1) * config.bundlesPerRound);
  ingest.push(await fire(`${config.collectorUrl}/v1/bundles`, own, own.length, config.collectorPid));
}
process.stdout.write(`${JSON.stringify({ echo, ingest, bundleBytes: bodies[0]!.length })}\n`);
