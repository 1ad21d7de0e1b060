// The collector's IPFS node: Helia over a block store on disk, holding the release blocks. It fetches
// nothing from anywhere (no routers, no block brokers); others fetch from it through the trustless
// gateway routes (gateway.ts).
import './es2024';
import * as dagCbor from '@ipld/dag-cbor';
import { FsBlockstore } from 'blockstore-fs';
import { createHeliaHTTP } from '@helia/http';
import type { Helia } from '@helia/interface';
import type { CID } from 'multiformats/cid';
import type { Block } from '../../../utils/release/format';

export interface BlockSource {
  has(cid: CID): Promise<boolean>;
  /** The block's bytes; only called after has() said yes. */
  get(cid: CID): Promise<Uint8Array>;
}

export interface IpfsNode extends BlockSource {
  helia: Helia;
  put(blocks: readonly Block[]): Promise<void>;
  stop(): Promise<void>;
}

async function concat(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** Wraps a started Helia node (the collector's, or any other) as a block source and sink. */
export function ipfsNodeOf(helia: Helia): IpfsNode {
  return {
    helia,
    has: async (cid) => helia.blockstore.has(cid),
    get: async (cid) => concat(await helia.blockstore.get(cid, { offline: true })),
    put: async (blocks) => {
      for (const b of blocks) await helia.blockstore.put(b.cid, b.bytes);
    },
    stop: async () => {
      await helia.stop();
    },
  };
}

export async function startIpfsNode(dir: string): Promise<IpfsNode> {
  const blockstore = new FsBlockstore(dir);
  await blockstore.open();
  const helia = await createHeliaHTTP({ blockstore, codecs: [dagCbor], blockBrokers: [], routers: [] });
  return ipfsNodeOf(helia);
}
