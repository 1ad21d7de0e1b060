// Builds the claim-page URL that links this device to a wallet. The extension cannot talk to a
// wallet, so it opens the collector's claim page with a one-time nonce the device has signed;
// the page then has the wallet sign its half (see utils/wire/wallet-link.ts).
import type { CollectorClient } from '../collector-client/client';
import type { DeviceKey } from '../identity/device-key';
import { signWalletLinkIntent } from '../wire';

/**
 * `<collector origin>/claim/?device=<pub>&nonce=<n>&deviceSig=<hex>` for a fresh nonce. The URL
 * is valid until the nonce expires (10 minutes) and can be used once.
 */
export async function walletLinkUrl(client: Pick<CollectorClient, 'walletNonce'>, deviceKey: DeviceKey, collectorUrl: string): Promise<string> {
  const origin = new URL(collectorUrl).origin;
  const { nonce } = await client.walletNonce(deviceKey.publicKey);
  const deviceSig = await deviceKey.withSecret((secret) => signWalletLinkIntent(secret, { origin, nonce }));
  const url = new URL('/claim/', origin);
  url.search = new URLSearchParams({ device: deviceKey.publicKey, nonce, deviceSig }).toString();
  return url.toString();
}
