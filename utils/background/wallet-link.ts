// Builds the claim-page URL that links this device to a wallet. The extension cannot talk to a
// wallet, so it opens the collector's claim page with a one-time nonce the device has signed;
// the page then has the wallet sign its half (see utils/wire/wallet-link.ts).
import type { DeviceKey } from '../keys/device-key';
import { signWalletLinkIntent, walletNonceResponseSchema, type WalletNonceResponse } from '../wire';

export interface WalletLinkDeps {
  fetch: typeof fetch;
}

async function requestNonce(deps: WalletLinkDeps, origin: string, devicePub: string): Promise<WalletNonceResponse> {
  const res = await deps.fetch(new URL('/v1/wallet/nonce', origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ devicePub }),
    credentials: 'omit',
    cache: 'no-store',
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`collector refused a wallet-link nonce (HTTP ${res.status})`);
  const parsed = walletNonceResponseSchema.safeParse(body);
  if (!parsed.success) throw new Error('collector sent an unexpected wallet-link nonce');
  return parsed.data;
}

/**
 * `<collector origin>/claim/?device=<pub>&nonce=<n>&deviceSig=<hex>` for a fresh nonce. The URL
 * is valid until the nonce expires (10 minutes) and can be used once.
 */
export async function walletLinkUrl(deps: WalletLinkDeps, deviceKey: DeviceKey, collectorUrl: string): Promise<string> {
  const origin = new URL(collectorUrl).origin;
  const { nonce } = await requestNonce(deps, origin, deviceKey.publicKey);
  const deviceSig = await deviceKey.withSecret((secret) => signWalletLinkIntent(secret, { origin, nonce }));
  const url = new URL('/claim/', origin);
  url.search = new URLSearchParams({ device: deviceKey.publicKey, nonce, deviceSig }).toString();
  return url.toString();
}
