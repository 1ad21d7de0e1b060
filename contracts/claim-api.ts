// HTTP contract between the claim page and the collector. The page validates every response
// with these schemas; the collector can validate requests with the same ones.
import { z } from 'zod';
import { devicePubSchema, linkNonceSchema } from './link-message';
import { addressSchema, chainIdSchema, ecdsaSignatureSchema, uintStringSchema } from './wire';

/** Made and checked by the extension/collector; the page only carries it (hex, 0x optional). */
export const deviceSigSchema = z.string().regex(/^(0x)?(?:[0-9a-fA-F]{2}){1,512}$/, 'device signature must be hex');

/** Query string of the link the extension opens: /claim/?device=…&nonce=…&deviceSig=… */
export const linkParamsSchema = z.object({
  device: devicePubSchema,
  nonce: linkNonceSchema,
  deviceSig: deviceSigSchema,
});
export type LinkParams = z.output<typeof linkParamsSchema>;

export const CLAIM_API = {
  /** GET → ClaimConfig */
  config: '/v1/rewards/config',
  /** POST WalletLinkRequest → 2xx */
  link: '/v1/wallet/link',
  /** GET → RewardsSummary */
  rewards: (wallet: string): string => `/v1/rewards/${wallet}`,
  /** POST VoucherRequest → SignedVoucherJson (see voucher.ts) */
  voucher: '/v1/rewards/voucher',
} as const;

/** Which chain and contract the collector's vouchers are for. */
export const claimConfigSchema = z.object({
  chainId: chainIdSchema,
  contract: addressSchema,
  chainName: z.string().min(1).max(100),
  /** Public RPC the wallet can add if it does not know the chain (wallet_addEthereumChain). */
  rpcUrl: z.url().optional(),
});
export type ClaimConfig = z.output<typeof claimConfigSchema>;

export const walletLinkRequestSchema = z.object({
  devicePub: devicePubSchema,
  wallet: addressSchema,
  chainId: chainIdSchema,
  nonce: linkNonceSchema,
  /** The exact text from buildLinkMessage that the wallet signed. */
  message: z.string().max(2_000),
  /** personal_sign of `message` by `wallet`. */
  walletSig: ecdsaSignatureSchema,
  /** The device's signature, passed through untouched from the link URL. */
  deviceSig: deviceSigSchema,
});
export type WalletLinkRequest = z.input<typeof walletLinkRequestSchema>;

/** Token base units (18 decimals) as decimal strings. */
export const rewardsSummarySchema = z.object({
  claimable: uintStringSchema,
  claimed: uintStringSchema,
});
export type RewardsSummary = z.output<typeof rewardsSummarySchema>;

export const voucherRequestSchema = z.object({ wallet: addressSchema });

/** Error bodies are `{error: string}`; anything else is reported by status code. */
export const apiErrorSchema = z.object({ error: z.string() });
