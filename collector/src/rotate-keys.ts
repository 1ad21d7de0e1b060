// Usage: tsx collector/src/rotate-keys.ts — adds a new current encryption key
// to the key file; old keys are kept so bundles sealed to them still open.
// Restart the collector afterwards to serve the new key.
import { loadConfig } from './config';
import { rotateEncryptionKey } from './key-material';

const config = loadConfig();
if (config.keysJson) {
  console.error('COLLECTOR_KEYS_JSON is set: rotate the keys where that value comes from.');
  process.exit(1);
}
const { previous, current } = rotateEncryptionKey(config.keyFile);
console.log(JSON.stringify({ rotated: true, previous, current, keyFile: config.keyFile }));
