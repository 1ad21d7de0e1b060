import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import {
  communityDescriptorRoute,
  signCommunityDescriptor,
  type CommunityDescriptor,
} from '../../../utils/collector-api/community-descriptor';
import { bytesToBase64 } from '../../../utils/wire/index';
import type { CollectorConfig } from '../config';
import { currentEncryptionKey, type CollectorKeys } from '../key-material';
import type { ChainConfig } from '../rewards/config';
import { fromContract, typed } from './contract';

export interface DescriptorSource {
  keys: CollectorKeys;
  community: CollectorConfig['community'];
  chain?: ChainConfig;
}

/** The collector's origin: configured, or where it listens. */
function collectorOrigin(app: FastifyInstance, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl;
  const address = app.server.address() as AddressInfo | null;
  if (!address) throw new Error('COLLECTOR_PUBLIC_URL is unset and the collector is not listening');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return new URL(`http://${host}:${address.port}`).origin;
}

export function describeCommunity(origin: string, source: DescriptorSource): CommunityDescriptor {
  const enc = currentEncryptionKey(source.keys);
  const { chain } = source;
  return signCommunityDescriptor(
    {
      v: 1,
      url: origin,
      name: source.community.name,
      description: source.community.description,
      keys: {
        encryption: { keyId: enc.keyId, publicKey: bytesToBase64(enc.publicKey) },
        receipt: { keyId: source.keys.receipt.keyId, publicKey: source.keys.receipt.publicKey },
      },
      chain: chain ? { chainId: chain.chainId, token: chain.contract, governor: chain.governor ?? null, policy: chain.policy ?? null } : null,
    },
    source.keys.receipt.secretKey,
  );
}

export function communityRoutes(source: DescriptorSource) {
  return async (app: FastifyInstance): Promise<void> => {
    // Signed once: the keys and the configuration it names are those of this process.
    let descriptor: CommunityDescriptor | undefined;
    typed(app).route({
      ...fromContract(communityDescriptorRoute),
      handler: async (_req, reply) => {
        descriptor ??= describeCommunity(collectorOrigin(app, source.community.publicUrl), source);
        // Public and signed: any page may read it, an extension before it holds a permission for this origin.
        reply.header('access-control-allow-origin', '*');
        return descriptor;
      },
    });
  };
}
