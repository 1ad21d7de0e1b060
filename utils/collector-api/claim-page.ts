// The routes the wallet claim page calls, and the link the extension opens it with.
import { z } from 'zod';
import { devicePubSchema, linkNonceSchema } from '../../contracts/link-message';
import { signedVoucherSchema } from '../../contracts/voucher';
import { addressSchema, chainIdSchema, ecdsaSignatureSchema, uintStringSchema } from '../../contracts/wire';
import { devicePub } from '../wire/primitives';
import { defineRoute } from './route';

/** Made and checked by the extension/collector; the page only carries it (hex, 0x optional). */
export const deviceSigSchema = z.string().regex(/^(0x)?(?:[0-9a-fA-F]{2}){1,512}$/, 'device signature must be hex');

/** Query string of the link the extension opens: /claim/?device=…&nonce=…&deviceSig=… */
export const linkParamsSchema = z.object({
  device: devicePubSchema,
  nonce: linkNonceSchema,
  deviceSig: deviceSigSchema,
});
export type LinkParams = z.output<typeof linkParamsSchema>;

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

export const walletLinkRequestSchema = z.strictObject({
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

export const walletLinkRoute = defineRoute({
  method: 'POST',
  url: '/v1/wallet/link',
  schema: {
    summary: 'Link a device to a wallet: the device’s and the wallet’s signatures over the same nonce',
    body: walletLinkRequestSchema,
    response: { 200: z.strictObject({ linked: z.literal(true), devicePub, wallet: addressSchema }) },
  },
});

/** Token base units (18 decimals). */
export const walletRewardsSchema = z.strictObject({
  wallet: addressSchema,
  claimable: uintStringSchema,
  claimed: uintStringSchema,
  earned: uintStringSchema,
  /** Devices linked to the wallet. */
  devices: z.number().int().min(0),
  /** Per UTC day, without bundle ids or devices: the address is public on chain. */
  history: z.array(z.strictObject({ day: z.iso.date(), credited: uintStringSchema, debited: uintStringSchema })),
});
export type WalletRewards = z.output<typeof walletRewardsSchema>;

export const walletRewardsRoute = defineRoute({
  method: 'GET',
  url: '/v1/rewards/:wallet',
  invalidRequest: 'invalid_wallet',
  schema: {
    summary: 'What a wallet earned over its devices, claimed and may claim',
    params: z.strictObject({ wallet: addressSchema }),
    response: { 200: walletRewardsSchema },
  },
});

export const voucherRoute = defineRoute({
  method: 'POST',
  url: '/v1/rewards/voucher',
  schema: {
    summary: 'A signed voucher for the wallet’s whole entitlement, for RewardToken.claim',
    body: z.strictObject({ wallet: addressSchema }),
    response: { 200: signedVoucherSchema },
  },
});
