// POST /v1/wallet/nonce and POST /v1/wallet/link. A link needs both halves: the device's Ed25519
// signature over {origin, devicePub, nonce} and the wallet's personal_sign of the EIP-4361
// message naming the same origin, device, nonce and the reward chain. The nonce is single-use.
import { randomBytes } from 'node:crypto';
import { verifyMessage } from 'viem';
import { isLinkMessageFresh, parseLinkMessage } from '../../../contracts/link-message';
import type { z } from 'zod';
import type { walletLinkRequestSchema } from '../../../utils/collector-api/claim-page';
import { verifyWalletLinkIntent, type WalletNonceRequest, type WalletNonceResponse } from '../../../utils/wire/index';
import { ApiError } from '../services/errors';
import type { Store } from '../db/store';
import { issueLinkNonce as recordLinkNonce, linkWallet as recordWalletLink } from './wallet-store';
import type { RewardChain } from './chain';

export const LINK_NONCE_TTL_MS = 10 * 60 * 1000;

export interface WalletLinkDeps {
  store: Store;
  chain: RewardChain;
  /** The collector's public origin; both signatures must name it. */
  origin: string;
  now: () => number;
  limitDevice: (devicePub: string) => void;
}

export async function issueLinkNonce(deps: Pick<WalletLinkDeps, 'store' | 'now'>, req: WalletNonceRequest): Promise<WalletNonceResponse> {
  const issuedAt = deps.now();
  const nonce = randomBytes(16).toString('hex');
  const expiresAt = issuedAt + LINK_NONCE_TTL_MS;
  await recordLinkNonce(deps.store, { nonce, devicePub: req.devicePub, issuedAt, expiresAt });
  return { nonce, expiresAt };
}

async function walletSigned(wallet: `0x${string}`, message: string, signature: `0x${string}`): Promise<boolean> {
  try {
    return await verifyMessage({ address: wallet, message, signature });
  } catch {
    return false;
  }
}

export async function linkWallet(
  deps: WalletLinkDeps,
  req: z.output<typeof walletLinkRequestSchema>,
): Promise<{ linked: true; devicePub: string; wallet: `0x${string}` }> {
  const fields = parseLinkMessage(req.message);
  if (!fields) throw new ApiError(400, 'invalid_message', 'message is not a Tributary link message');
  const matches =
    fields.origin === deps.origin &&
    fields.chainId === deps.chain.config.chainId &&
    req.chainId === fields.chainId &&
    fields.nonce === req.nonce &&
    fields.devicePub === req.devicePub &&
    fields.wallet === req.wallet;
  if (!matches) throw new ApiError(400, 'link_mismatch', 'the message does not name this collector, chain, device, wallet and nonce');
  const now = deps.now();
  if (!isLinkMessageFresh(fields, new Date(now))) throw new ApiError(400, 'stale_message', 'the signed message is expired or from the future');
  if (!verifyWalletLinkIntent(req.deviceSig, { origin: deps.origin, devicePub: req.devicePub, nonce: req.nonce })) {
    throw new ApiError(401, 'bad_device_signature', 'deviceSig does not verify for devicePub');
  }
  deps.limitDevice(req.devicePub);
  if (!(await walletSigned(req.wallet, req.message, req.walletSig))) {
    throw new ApiError(401, 'bad_wallet_signature', 'walletSig is not the wallet’s signature of message');
  }
  const result = await recordWalletLink(deps.store, {
    devicePub: req.devicePub,
    wallet: req.wallet,
    chainId: req.chainId,
    nonce: req.nonce,
    message: req.message,
    walletSig: req.walletSig,
    deviceSig: req.deviceSig.replace(/^0x/i, '').toLowerCase(),
    linkedAt: now,
  });
  switch (result.status) {
    case 'linked':
      return { linked: true, devicePub: req.devicePub, wallet: req.wallet };
    case 'nonce_invalid':
      throw new ApiError(409, 'nonce_invalid', 'the nonce is unknown, expired, already used or issued to another device');
    case 'already_linked':
      throw new ApiError(409, 'already_linked', 'this device is already linked to another wallet');
  }
}
