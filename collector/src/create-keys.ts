// Usage: tsx collector/src/create-keys.ts — makes this collector's keys where it will read them
// (the key file and the voucher key, each 0600; existing ones are kept) and prints what a community
// publishes before it deploys: the voucher signer's address (deploy the contracts with it) and the
// collector's public keys.
import { loadConfig } from './config';
import { loadOrCreateKeys, publicKeys } from './key-material';
import { voucherKeyFileOf } from './rewards/config';
import { ensureVoucherKey } from './rewards/voucher-key';

const config = loadConfig();
const keys = loadOrCreateKeys(config);
const voucherKeyFile = voucherKeyFileOf(process.env, config.dataDir);
const voucher = ensureVoucherKey(voucherKeyFile);
console.log(
  JSON.stringify({
    voucherSigner: voucher.address,
    voucherKeyFile,
    keyFile: config.keysJson ? null : config.keyFile,
    ...publicKeys(keys),
  }),
);
