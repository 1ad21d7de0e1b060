// Starts a throwaway local chain (the anvil binary shipped by @foundry-rs/anvil) for tests and
// demos. We spawn the platform binary directly, not the `anvil` npm wrapper, so the PID we
// kill is the process holding the port.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bytesToHex, type Address, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';

const require = createRequire(import.meta.url);

/** Anvil's well-known default mnemonic; its keys are public, never use them on a real chain. */
export const ANVIL_DEFAULT_MNEMONIC = 'test test test test test test test test test test test junk';

const ARCH: Partial<Record<NodeJS.Architecture, string>> = { x64: 'amd64', arm64: 'arm64' };

/** Path of the anvil executable for this platform; ANVIL_BIN overrides it. */
export function anvilBinaryPath(): string {
  if (process.env.ANVIL_BIN) return process.env.ANVIL_BIN;
  const arch = ARCH[process.arch];
  if (!arch) throw new Error(`anvil: unsupported architecture ${process.arch}`);
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  const exe = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  return join(dirname(require.resolve(`${pkg}/package.json`)), 'bin', exe);
}

export interface AnvilOptions {
  /** 0 (default) lets the OS pick a free port; anvil reports the one it bound. */
  port?: number;
  chainId?: number;
  accounts?: number;
  mnemonic?: string;
  startTimeoutMs?: number;
}

export interface AnvilAccount {
  address: Address;
  privateKey: Hex;
}

export interface AnvilInstance {
  rpcUrl: string;
  chainId: number;
  pid: number;
  accounts: AnvilAccount[];
  stop(): Promise<void>;
}

/** Anvil dev accounts follow BIP-44 m/44'/60'/0'/0/i from the mnemonic. */
/** One raw JSON-RPC call, for test wallets that pass through what they do not sign themselves. */
export async function rpcCall(rpcUrl: string, method: string, params: unknown): Promise<unknown> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result;
}

export function deriveDevAccounts(mnemonic: string, count: number): AnvilAccount[] {
  return Array.from({ length: count }, (_, addressIndex) => {
    const account = mnemonicToAccount(mnemonic, { addressIndex });
    const key = account.getHdKey().privateKey;
    if (!key) throw new Error('HD key without private key');
    return { address: account.address, privateKey: bytesToHex(key) };
  });
}

async function rpcChainId(rpcUrl: string): Promise<number> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
  });
  const body = (await res.json()) as { result?: string };
  if (typeof body.result !== 'string') throw new Error('eth_chainId: no result');
  return Number(BigInt(body.result));
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Resolves with the port once anvil prints "Listening on host:port". */
function waitForListening(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => settle(new Error(`anvil did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onOutput = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Listening on [^\s:]+:(\d+)/.exec(output);
      if (match) settle(Number(match[1]));
    };
    const onError = (err: Error): void => settle(err);
    const onExit = (code: number | null): void => settle(new Error(`anvil exited with ${code}:\n${output}`));
    function settle(result: number | Error): void {
      clearTimeout(timer);
      child.stdout?.off('data', onOutput);
      child.stderr?.off('data', onOutput);
      child.off('error', onError);
      child.off('exit', onExit);
      if (result instanceof Error) reject(result);
      else resolve(result);
    }
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('error', onError);
    child.once('exit', onExit);
  });
}

export async function startAnvil(options: AnvilOptions = {}): Promise<AnvilInstance> {
  const { port = 0, chainId = 31337, accounts = 10, mnemonic = ANVIL_DEFAULT_MNEMONIC, startTimeoutMs = 20_000 } = options;
  const child = spawn(
    anvilBinaryPath(),
    [
      '--host', '127.0.0.1',
      '--port', String(port),
      '--chain-id', String(chainId),
      '--accounts', String(accounts),
      '--mnemonic', mnemonic,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (child.pid === undefined) throw new Error(`could not spawn ${anvilBinaryPath()}`);
  const pid = child.pid;
  // Safety net: a test run that dies before stop() must not leave anvil holding a port.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    await stopProcess(child);
  };
  try {
    const boundPort = await waitForListening(child, startTimeoutMs);
    // Keep draining output so a chatty node never blocks on a full pipe.
    child.stdout?.resume();
    child.stderr?.resume();
    const rpcUrl = `http://127.0.0.1:${boundPort}`;
    const reportedChainId = await rpcChainId(rpcUrl);
    if (reportedChainId !== chainId) throw new Error(`anvil reports chain ${reportedChainId}, expected ${chainId}`);
    return {
      rpcUrl,
      chainId,
      pid,
      accounts: deriveDevAccounts(mnemonic, accounts),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
