// community labels: a page read in real Chromium is labelled in the dashboard with its topic by the
// community model of a release cut from it and from other devices' contributions (`npm run release`),
// the model fetched from the extension's own collector and verified on the device.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64ToBytes, collectorKeysResponseSchema, decodeVectorB64, encodeVectorB64, generateDeviceKeyPair, sealBundle } from '../../utils/wire/index';
import { makePlaintext, makeSignal } from '../unit/wire/fixtures';
import { FIXTURE_MANIFEST, ROOT } from './harness/build-extension';
import { startStack, type Stack } from './harness/stack';

/** The smallest k the embedded policy allows (no community chain): every released topic needs 10 devices. */
const DEVICES_PER_TOPIC = 10;

/** A fixed pseudo-random sequence, so every run sends the same contributions. */
let seed = 19;
const rnd = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31 - 0.5;

const unit = (v: number[]): number[] => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};
/** The same direction, a little off: another device's text on the same topic. */
const near = (v: readonly number[]): number[] => unit(v.map((x) => x + rnd() * 0.02));

describe('community labels: the dashboard labels an item with the verified community model', () => {
  let stack: Stack;

  beforeAll(async () => {
    // The page's embedding only has to stand among the other devices' (made around it below): the
    // fixture models do the same wiring as the real ones for a fraction of the model work, whose
    // quality other tests check.
    stack = await startStack({ manifest: FIXTURE_MANIFEST });
  });
  afterAll(async () => stack?.close());

  it('shows the topic of a page read in Chromium, by the model of a release cut with it, naming the release and its held-back accuracy', async () => {
    await stack.optIn();
    await stack.visit('chess.html', 2000);
    await expect
      .poll(async () => (await stack.sendNow()).items.sent, { timeout: 120_000, interval: 1000 })
      .toBe(1);

    // Other devices: some read about the same topic as this page (embeddings beside this device's), some about another.
    const [sent] = (await stack.storedBundles()).flatMap((b) => b.plaintext.signals);
    const mine = Array.from(decodeVectorB64(sent!.embedding));
    const other = unit(mine.map(() => rnd()));
    const keys = collectorKeysResponseSchema.parse(await (await fetch(`${stack.collector.baseUrl}/v1/keys`)).json());
    const encryption = keys.encryption.find((k) => k.current)!;
    const topics = [
      { center: mine, text: 'chess openings and endgames at the club' },
      { center: other, text: 'sourdough starters and rye bread at the bakery' },
    ];
    for (const { center, text } of topics) {
      for (let i = 0; i < DEVICES_PER_TOPIC; i++) {
        const device = generateDeviceKeyPair();
        const signal = makeSignal({ text: `${text}, notes ${i}`, embedding: encodeVectorB64(near(center)), models: sent!.models, origin: 'https://shared.example' });
        const envelope = sealBundle(makePlaintext(device, { signals: [signal] }), { collectorPub: base64ToBytes(encryption.publicKey), collectorKeyId: encryption.keyId }, device.secretKey);
        const res = await fetch(`${stack.collector.baseUrl}/v1/bundles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope) });
        expect(res.status).toBe(200);
      }
    }

    const run = await promisify(execFile)('npm', ['run', '--silent', 'release'], {
      cwd: ROOT,
      env: { ...process.env, COLLECTOR_DATA_DIR: stack.collectorDir, COLLECTOR_KEYRING_DIR: path.join(stack.collectorDir, 'keyring') },
    });
    const cut = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { manifestCid: string; records: number };
    expect(cut.records).toBe(2 * DEVICES_PER_TOPIC + 1);

    // Opening the dashboard checks for a newer model, once.
    const dashboard = await stack.browser.openExtensionPage('dashboard.html#items');
    const topic = dashboard.locator('[data-testid=item-topic]');
    await topic.waitFor({ timeout: 60_000 });
    expect(await topic.textContent()).toMatch(/^Topic: .*chess/);
    const line = dashboard.locator('[data-testid=community-model] [data-kind=using]');
    expect(await line.textContent()).toMatch(new RegExp(`release ${cut.manifestCid.slice(0, 6)}…${cut.manifestCid.slice(-6)} \\(no\\. 1\\).*held-back accuracy \\d+%`));
    await dashboard.close();
  });
});
