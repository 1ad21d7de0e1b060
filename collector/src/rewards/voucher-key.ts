// The EVM key that signs reward vouchers. It lives in a file (mode 0600, created on first use),
// never in the repo or the environment; its address is what RewardToken is deployed with.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isHex, type Address, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { z } from 'zod';

export interface VoucherKey {
  privateKey: Hex;
  address: Address;
}

const keyFileSchema = z.object({
  v: z.literal(1),
  privateKey: z.string().refine((s): s is Hex => isHex(s) && s.length === 66, 'privateKey must be 0x + 32-byte hex'),
});

/** Reads `{v:1, privateKey, address}` from `path`, creating it (0600) with a fresh key if absent. */
export function ensureVoucherKey(path: string): VoucherKey {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const privateKey = generatePrivateKey();
    const body = JSON.stringify({ v: 1, privateKey, address: privateKeyToAccount(privateKey).address }, null, 2);
    try {
      // 'wx': never overwrite a key another process created in the meantime.
      writeFileSync(path, `${body}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  chmodSync(path, 0o600);
  const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`voucher key file ${path}: ${parsed.error.message}`);
  return { privateKey: parsed.data.privateKey, address: privateKeyToAccount(parsed.data.privateKey).address };
}
