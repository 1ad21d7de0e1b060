// Wallet linking, device side. The device proves it asked for the link by signing
// canonicalBytes('tributary/wallet-link/v1', {origin, devicePub, nonce}) with its Ed25519 key;
// the wallet proves it separately by personal_sign of the EIP-4361 message (contracts/link-message.ts)
// naming the same origin, device and nonce. The collector checks both.
import { z } from 'zod';
import { canonicalBytes } from './canonical';
import { devicePubFromSecret, signBytes, verifyBytes } from './key-pairs';
import { devicePub, ed25519Sig, timestampMs } from './primitives';
import { walletLinkNonce } from './wallet-link-nonce';

export const WALLET_LINK_TAG = 'tributary/wallet-link/v1';

export const walletNonceRequestSchema = z.strictObject({ devicePub });
export type WalletNonceRequest = z.infer<typeof walletNonceRequestSchema>;

export const walletNonceResponseSchema = z.strictObject({ nonce: walletLinkNonce, expiresAt: timestampMs });
export type WalletNonceResponse = z.infer<typeof walletNonceResponseSchema>;

export interface WalletLinkIntent {
  /** The collector's public origin (scheme://host[:port]), as the claim page will see it. */
  origin: string;
  devicePub: string;
  nonce: string;
}

function intentBytes(f: WalletLinkIntent): Uint8Array {
  return canonicalBytes(WALLET_LINK_TAG, { origin: f.origin, devicePub: f.devicePub, nonce: f.nonce });
}

/** Signs a link intent for the device owning `deviceSecretKey`; returns the signature as lowercase hex. */
export function signWalletLinkIntent(deviceSecretKey: Uint8Array, fields: Omit<WalletLinkIntent, 'devicePub'>): string {
  const intent = { ...fields, devicePub: devicePubFromSecret(deviceSecretKey) };
  return signBytes(intentBytes(intent), deviceSecretKey);
}

/** True iff `sig` (hex, optional 0x, any case) is the device's signature over the intent. Never throws. */
export function verifyWalletLinkIntent(sig: string, fields: WalletLinkIntent): boolean {
  const normalised = ed25519Sig.safeParse(sig.replace(/^0x/i, '').toLowerCase());
  const pub = devicePub.safeParse(fields.devicePub);
  if (!normalised.success || !pub.success) return false;
  return verifyBytes(normalised.data, intentBytes(fields), pub.data);
}
