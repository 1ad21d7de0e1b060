/**
 * Cuts a dataset release now, as the collector does on its cadence (same env as the collector: data
 * dir or DATABASE_URL, keys, IPFS dir, policy chain):
 *   npm run release
 * The blocks go to the IPFS block store the collector's node serves; prints one JSON line
 * `{manifestCid, seq, records, recordsLeft, cut}` (cut false: nothing changed since the latest release).
 */
import { loadConfig } from '../collector/src/config';
import { openStore } from '../collector/src/db/open';
import { startIpfsNode } from '../collector/src/ipfs/node';
import { loadOrCreateKeys } from '../collector/src/key-material';
import { readPolicyInForce } from '../collector/src/policy/in-force';
import { cutRelease } from '../collector/src/releases/cut';
import { releasePolicy } from '../collector/src/releases/policy';
import { publishEpoch } from '../collector/src/transparency/log';
import { fsKeyring } from '../collector/src/at-rest/keyring';

async function main(): Promise<void> {
  const config = loadConfig();
  const keys = loadOrCreateKeys(config);
  const { rules } = await readPolicyInForce(config.rewards);
  const store = openStore(config);
  const node = await startIpfsNode(config.ipfsDir);
  try {
    await store.migrate();
    const { release, cut } = await cutRelease({
      store,
      // The stored content is sealed at rest: the release reads it through the collector's keyring.
      keyring: fsKeyring(config.keyringDir, keys.master.key),
      node,
      policy: () => releasePolicy(rules, config.releaseTopicThreshold),
      publishEpoch: () => publishEpoch(store, keys, Date.now),
      now: Date.now,
    });
    const { manifestCid, seq, records, recordsLeft } = release;
    process.stdout.write(`${JSON.stringify({ manifestCid, seq, records, recordsLeft, cut })}\n`);
  } finally {
    await node.stop();
    await store.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`release failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
