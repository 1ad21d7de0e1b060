/**
 * The baseline for collector ingest: the same framework (Fastify 5) with the collector's body limit,
 * parsing the same JSON body and answering a small JSON reply, and nothing else (no logging, no
 * verification, no storage). Prints `{"port":N}` once listening.
 */
import Fastify from 'fastify';
import { loadConfig } from '../../collector/src/config';

const app = Fastify({ bodyLimit: loadConfig({}).bodyLimit, logger: false });
app.post('/echo', async (req) => ({ accepted: true, bundleId: (req.body as { bundleId?: unknown }).bundleId }));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
// pid: the load process reads this server's CPU time (tsx runs it in a child of the process the bench spawned).
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, pid: process.pid })}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
