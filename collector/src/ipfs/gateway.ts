// The IPFS trustless gateway routes (https://specs.ipfs.tech/http-gateways/trustless-gateway/) over
// a block source: `GET /ipfs/<cid>` with `?format=raw|car` or `Accept: application/vnd.ipld.raw|car`.
// Nothing is trusted on the reader's side: every block is checked against its CID by whoever fetches it.
// Served by the collector's node and by any other node that holds a release (cli/ipfs-node.ts).
import type { FastifyInstance } from 'fastify';
import { CID } from 'multiformats/cid';
import { carOf } from './car';
import type { BlockSource } from './node';

const CAR = 'application/vnd.ipld.car';
const RAW = 'application/vnd.ipld.raw';

function formatOf(query: unknown, accept: string | undefined): 'car' | 'raw' | null | 'unsupported' {
  const format = (query as { format?: unknown } | null)?.format;
  if (format === 'car' || format === 'raw') return format;
  if (format !== undefined) return 'unsupported';
  if (accept?.includes(CAR)) return 'car';
  if (accept?.includes(RAW)) return 'raw';
  return null;
}

function parseCid(text: string): CID | null {
  try {
    return CID.parse(text);
  } catch {
    return null;
  }
}

export function gatewayRoutes(source: BlockSource) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { cid: string } }>('/ipfs/:cid', async (req, reply) => {
      const cid = parseCid(req.params.cid);
      if (!cid) return reply.code(400).send({ error: { code: 'invalid_cid', message: 'not a CID' } });
      const format = formatOf(req.query, req.headers.accept);
      if (format === 'unsupported') return reply.code(400).send({ error: { code: 'unsupported_format', message: 'format must be raw or car' } });
      if (!(await source.has(cid))) return reply.code(404).send({ error: { code: 'not_found', message: 'this node does not hold that block' } });
      reply.header('cache-control', 'public, max-age=29030400, immutable').header('x-content-type-options', 'nosniff');
      if (format === 'car') {
        return reply.header('content-type', `${CAR}; version=1`).header('etag', `"${cid}.car"`).send(Buffer.from(await carOf(source, cid)));
      }
      const bytes = Buffer.from(await source.get(cid));
      // Without a format, the block as it is: a raw block is its own file (the JSON documents, the ONNX model).
      const type = format === 'raw' ? RAW : cid.code === 0x55 ? 'application/octet-stream' : 'application/vnd.ipld.dag-cbor';
      return reply.header('content-type', type).header('etag', `"${cid}.${format ?? 'block'}"`).send(bytes);
    });
  };
}
