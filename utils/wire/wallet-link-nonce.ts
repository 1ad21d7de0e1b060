import { z } from 'zod';

/**
 * A wallet-link nonce, issued by the collector, signed by the device (wallet-link.ts) and named in
 * the EIP-4361 message the wallet signs (contracts/link-message.ts): EIP-4361 nonces are
 * alphanumeric, at least 8 characters.
 */
export const walletLinkNonce = z.string().regex(/^[A-Za-z0-9]{8,128}$/, 'nonce must be 8-128 alphanumerics');
