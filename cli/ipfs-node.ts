/**
 * A second, separate IPFS node: a Helia node that fetches releases by CID from other nodes' trustless
 * gateways (each block checked against its CID by Helia) and serves what it holds on its own gateway.
 *   npm run ipfs-node -- --from URL --pin CID [--pin CID …] [--port 0] [--host 127.0.0.1] [--dir DIR]
 * Prints one JSON line `{address, pinned}` once everything is fetched and the gateway listens.
 */
import '../collector/src/ipfs/es2024';
import { trustlessGateway } from '@helia/block-brokers';
import { createHeliaHTTP } from '@helia/http';
import { httpGatewayRouting } from '@helia/routers';
import * as dagCbor from '@ipld/dag-cbor';
import { FsBlockstore } from 'blockstore-fs';
import Fastify from 'fastify';
import { CID } from 'multiformats/cid';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { walkDag } from '../collector/src/ipfs/car';
import { gatewayRoutes } from '../collector/src/ipfs/gateway';
import { ipfsNodeOf } from '../collector/src/ipfs/node';

const argsSchema = z.strictObject({
  from: z.array(z.url()).min(1),
  pin: z.array(z.string().min(1)).min(1),
  port: z.coerce.number().int().min(0).max(65535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  dir: z.string().min(1).default('.data/ipfs-node'),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string', multiple: true },
      pin: { type: 'string', multiple: true },
      port: { type: 'string' },
      host: { type: 'string' },
      dir: { type: 'string' },
    },
    strict: true,
  });
  const args = argsSchema.parse(values);
  const blockstore = new FsBlockstore(args.dir);
  await blockstore.open();
  const helia = await createHeliaHTTP({
    blockstore,
    codecs: [dagCbor],
    // Local and plain-HTTP gateways are allowed: the operator names them, and every block is verified.
    blockBrokers: [trustlessGateway({ allowInsecure: true, allowLocal: true })],
    routers: [httpGatewayRouting({ gateways: args.from })],
  });
  const node = ipfsNodeOf(helia);
  for (const pin of args.pin) {
    const root = CID.parse(pin);
    // Fetches (through the block broker) and checks every block of the DAG, then keeps it pinned.
    for await (const cid of helia.pins.add(root, { signal: AbortSignal.timeout(120_000) })) void cid;
    for await (const block of walkDag(node, root)) void block;
  }
  const app = Fastify({ logger: false });
  app.register(gatewayRoutes(node));
  const address = await app.listen({ port: args.port, host: args.host });
  process.stdout.write(`${JSON.stringify({ address, pinned: args.pin })}\n`);
  const stop = async () => {
    await app.close();
    await helia.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`ipfs-node failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
