import { loadConfig } from './config';
import { currentEncryptionKey, loadOrCreateKeys } from './key-material';
import { buildServer } from './server';
import { bytesToBase64 } from '../../utils/wire/index';

const config = loadConfig();
const keys = loadOrCreateKeys(config);
let commits = 0;
const killAt = config.failpointKillAfterCommits;
const afterCommit = killAt ? () => void (++commits >= killAt && process.kill(process.pid, 'SIGKILL')) : undefined;
const app = buildServer(config, { keys, afterCommit });

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  try {
    await app.close();
    process.exit(0);
  } catch (err) {
    app.log.error({ err }, 'error during shutdown');
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

const address = await app.listen({ port: config.port, host: config.host });
const enc = currentEncryptionKey(keys);
app.log.info(
  {
    address,
    dataDir: config.dataDir,
    encryptionKey: { keyId: enc.keyId, publicKey: bytesToBase64(enc.publicKey) },
    receiptKey: { keyId: keys.receipt.keyId, publicKey: keys.receipt.publicKey },
  },
  'collector listening',
);
