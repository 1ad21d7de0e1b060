// `npm start`: the whole of Tributary on this machine, on embedded defaults — a local EVM node
// with the reward contract, the collector (SQLite), and Chromium with the extension loaded.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startAnvil } from '../contracts/anvil';
import { deployRewardToken } from '../contracts/deploy';
import { ensureVoucherKey } from '../collector/src/rewards/voucher-key';
import { startSupervisor, type Supervisor } from './supervisor';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.COLLECTOR_PORT ?? 8787);
const DATA = path.resolve(ROOT, process.env.TRIBUTARY_DATA_DIR ?? '.data');
const collectorUrl = `http://127.0.0.1:${PORT}`;

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) throw new Error(`Chromium not found at ${CHROMIUM}: run 'sudo apt-get install -y chromium chromium-l10n'`);
  console.log('installing Debian’s chromium …');
  execFileSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium chromium-l10n'], { stdio: 'inherit' });
}

function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
      if (out.includes('collector listening')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.once('exit', (code) => reject(new Error(`collector exited with ${code}`)));
  });
}

async function main(supervisor: Supervisor): Promise<void> {
  ensureChromium();
  mkdirSync(DATA, { recursive: true });

  const anvil = await startAnvil({ chainId: 31337 });
  supervisor.own('the chain (anvil)', () => anvil.stop());
  const voucherKeyFile = path.join(DATA, 'collector', 'voucher-key.json');
  const signer = ensureVoucherKey(voucherKeyFile);
  const deployer = anvil.accounts[0]!;
  const token = await deployRewardToken({ rpcUrl: anvil.rpcUrl, deployerKey: deployer.privateKey, signerAddress: signer.address });
  console.log(`chain ${anvil.chainId} at ${anvil.rpcUrl}; RewardToken at ${token.address}`);

  const collector = spawn(process.execPath, ['--import', 'tsx', 'collector/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      COLLECTOR_PORT: String(PORT),
      COLLECTOR_DATA_DIR: path.join(DATA, 'collector'),
      COLLECTOR_CHAIN_RPC: anvil.rpcUrl,
      COLLECTOR_CHAIN_ID: String(anvil.chainId),
      COLLECTOR_REWARD_CONTRACT: token.address,
      COLLECTOR_VOUCHER_KEY_FILE: voucherKeyFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  void supervisor.ownProcess('the collector', collector);
  await waitForListening(collector);

  console.log('building the extension …');
  // Spawned, not run synchronously: a stop request during the build is handled at once.
  const build = spawn(path.join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: ROOT,
    env: { ...process.env, TRIBUTARY_COLLECTOR_URL: collectorUrl },
    stdio: 'inherit',
  });
  const built = await supervisor.ownProcess('the extension build', build);
  if (built !== 0) throw new Error(`the extension build exited with ${built}`);
  const extensionDir = path.join(ROOT, '.output/chrome-mv3');
  const headless = !process.env.DISPLAY;
  const context = await chromium.launchPersistentContext(path.join(DATA, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless,
    // The supervisor stops Chromium, in order, on these signals.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  supervisor.own('Chromium', () => context.close());
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const dashboard = `chrome-extension://${extensionId}/dashboard.html`;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${extensionId}/popup.html`);

  console.log(`
Tributary is running.
  collector   ${collectorUrl}   (data in ${path.join(DATA, 'collector')})
  claim page  ${collectorUrl}/claim/
  chain       ${anvil.rpcUrl}  RewardToken ${token.address}
  extension   ${extensionDir}  (id ${extensionId})
  popup       chrome-extension://${extensionId}/popup.html
  dashboard   ${dashboard}
${headless ? '  No display: Chromium runs headless. Load the extension folder above into your own Chromium (chrome://extensions → Load unpacked) to use it.\n' : ''}Press Ctrl-C to stop (SIGTERM and SIGHUP stop it too).`);

  // Closing the browser window ends the session too.
  context.once('close', () => void supervisor.shutdown(0));
}

const supervisor = startSupervisor();
main(supervisor).catch((err: unknown) => {
  console.error(err);
  void supervisor.shutdown(1);
});
