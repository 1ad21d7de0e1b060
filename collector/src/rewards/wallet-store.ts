// Wallet links, their one-time nonces, and every voucher signed for a wallet.
import type { Queries, Store } from '../db/store';

export interface NewLinkNonce {
  nonce: string;
  devicePub: string;
  issuedAt: number;
  expiresAt: number;
}

export interface NewWalletLink {
  devicePub: string;
  /** EIP-55 checksummed. */
  wallet: string;
  chainId: number;
  nonce: string;
  message: string;
  walletSig: string;
  deviceSig: string;
  linkedAt: number;
}

/** `nonce_invalid`: unknown, issued to another device, expired or already used. */
export type WalletLinkResult = { status: 'linked' } | { status: 'nonce_invalid' } | { status: 'already_linked'; wallet: string };

export interface IssuedVoucher {
  wallet: string;
  chainId: number;
  contract: string;
  cumulativeAmount: bigint;
  deadline: number;
  issuedAt: number;
}

export function issueLinkNonce(store: Store, n: NewLinkNonce): Promise<void> {
  return store.unit(async (tx) => {
    // Expired nonces are useless; dropping them keeps the table bounded.
    await tx.deleteFrom('wallet_link_nonces').where('expires_at', '<', n.issuedAt).execute();
    await tx.insertInto('wallet_link_nonces').values({ nonce: n.nonce, device_pub: n.devicePub, issued_at: n.issuedAt, expires_at: n.expiresAt }).execute();
  });
}

/** Consumes the nonce (it must be this device's, unexpired and unused at `linkedAt`) and records the link, atomically. */
export function linkWallet(store: Store, l: NewWalletLink): Promise<WalletLinkResult> {
  return store.unit(async (tx): Promise<WalletLinkResult> => {
    const used = await tx
      .updateTable('wallet_link_nonces')
      .set({ used_at: l.linkedAt })
      .where('nonce', '=', l.nonce)
      .where('device_pub', '=', l.devicePub)
      .where('used_at', 'is', null)
      .where('expires_at', '>', l.linkedAt)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return { status: 'nonce_invalid' };
    // ON CONFLICT: a concurrent link for the same device wins or loses cleanly on the primary key.
    await tx
      .insertInto('wallet_links')
      .values({
        device_pub: l.devicePub,
        wallet: l.wallet,
        chain_id: l.chainId,
        nonce: l.nonce,
        message: l.message,
        wallet_sig: l.walletSig,
        device_sig: l.deviceSig,
        linked_at: l.linkedAt,
      })
      .onConflict((oc) => oc.column('device_pub').doNothing())
      .execute();
    const linked = await walletOf(tx, l.devicePub);
    return linked === l.wallet ? { status: 'linked' } : { status: 'already_linked', wallet: linked! };
  });
}

export async function walletOf(db: Queries, devicePub: string): Promise<string | null> {
  const row = await db.selectFrom('wallet_links').select('wallet').where('device_pub', '=', devicePub).executeTakeFirst();
  return row?.wallet ?? null;
}

export async function devicesOf(db: Queries, wallet: string): Promise<string[]> {
  const rows = await db.selectFrom('wallet_links').select('device_pub').where('wallet', '=', wallet).orderBy('linked_at').execute();
  return rows.map((r) => r.device_pub);
}

export async function recordVoucher(db: Queries, v: IssuedVoucher): Promise<void> {
  await db
    .insertInto('vouchers')
    .values({
      wallet: v.wallet,
      chain_id: v.chainId,
      contract: v.contract,
      cumulative_amount: v.cumulativeAmount.toString(),
      deadline: v.deadline,
      issued_at: v.issuedAt,
    })
    .execute();
}

/** Largest cumulative amount ever signed for this wallet on this chain + contract (0n if none). */
export async function maxIssuedVoucher(db: Queries, wallet: string, chainId: number, contract: string): Promise<bigint> {
  const rows = await db
    .selectFrom('vouchers')
    .select('cumulative_amount')
    .where('wallet', '=', wallet)
    .where('chain_id', '=', chainId)
    .where('contract', '=', contract)
    .execute();
  return rows.reduce((max, r) => (BigInt(r.cumulative_amount) > max ? BigInt(r.cumulative_amount) : max), 0n);
}
