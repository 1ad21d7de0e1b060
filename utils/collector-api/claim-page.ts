// The reward chain the claim page pays on (the page redeems tokens through utils/collector-api/tokens.ts).
import { z } from 'zod';
import { addressSchema, chainIdSchema } from '../../contracts/wire';
import { defineRoute } from './route';

/** Which chain and contract the collector's vouchers are for. */
export const claimConfigSchema = z.strictObject({
  chainId: chainIdSchema,
  contract: addressSchema,
  chainName: z.string().min(1).max(100),
  /** Public RPC the wallet can add if it does not know the chain (wallet_addEthereumChain). */
  rpcUrl: z.url().optional(),
});
export type ClaimConfig = z.output<typeof claimConfigSchema>;

export const claimConfigRoute = defineRoute({
  method: 'GET',
  url: '/v1/rewards/config',
  schema: { summary: 'The reward chain and contract vouchers are for (503 without a reward chain)', response: { 200: claimConfigSchema } },
});
