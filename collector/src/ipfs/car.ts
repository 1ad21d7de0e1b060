// A DAG as a CAR (CARv1), blocks in depth-first order from the root, as the trustless gateway
// serves `?format=car`.
import { CarWriter } from '@ipld/car';
import { CID } from 'multiformats/cid';
import { dagCbor, decodeCbor } from '../../../utils/release/format';
import type { BlockSource } from './node';

function linksOf(value: unknown, out: CID[] = []): CID[] {
  const cid = CID.asCID(value);
  if (cid) out.push(cid);
  else if (Array.isArray(value)) for (const v of value) linksOf(v, out);
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) for (const v of Object.values(value)) linksOf(v, out);
  return out;
}

/** Every block reachable from root, each once; throws if one is missing. */
export async function* walkDag(source: BlockSource, root: CID): AsyncGenerator<{ cid: CID; bytes: Uint8Array }> {
  const seen = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const cid = stack.pop()!;
    if (seen.has(cid.toString())) continue;
    seen.add(cid.toString());
    if (!(await source.has(cid))) throw new Error(`block ${cid} is missing`);
    const bytes = await source.get(cid);
    yield { cid, bytes };
    if (cid.code === dagCbor.code) stack.push(...linksOf(decodeCbor(bytes)).reverse());
  }
}

export async function carOf(source: BlockSource, root: CID): Promise<Uint8Array> {
  const { writer, out } = CarWriter.create([root]);
  const chunks: Uint8Array[] = [];
  const collected = (async () => {
    for await (const c of out) chunks.push(c);
  })();
  for await (const block of walkDag(source, root)) await writer.put(block);
  await writer.close();
  await collected;
  return Buffer.concat(chunks);
}
