// Runs the real collector (`node --import tsx collector/src/main.ts`) as a
// child process. One node process, not the tsx CLI: that wrapper relays
// SIGTERM to its child and, if the child has not confirmed within 30 ms (a
// busy machine), SIGKILLs it and exits 143, so graceful shutdown was a race.
// With COLLECTOR_PORT unset or 0 it takes a free port and the address is read
// from its startup log (needs log level info or lower); with a fixed port,
// readiness is also detected by polling /health, so any log level works.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface RunningCollector {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Settles with the exit code when the process has exited, however it died. */
  exited: Promise<number | null>;
  /** Everything the process wrote to stdout/stderr (its JSON logs). */
  logs(): string;
  /** SIGKILL to the collector's process group. */
  kill(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
}

export async function startCollector(dataDir: string, env: Record<string, string> = {}): Promise<RunningCollector> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'collector/src/main.ts'], {
    cwd: ROOT,
    detached: true, // own process group: signals reach the collector and nothing else
    env: {
      ...process.env,
      COLLECTOR_PORT: '0',
      COLLECTOR_HOST: '127.0.0.1',
      COLLECTOR_DATA_DIR: dataDir,
      // Inside the test's own directory, so that removing it removes the keys too.
      COLLECTOR_KEYRING_DIR: join(dataDir, 'keyring'),
      COLLECTOR_RATE_IP_PER_MIN: '1000000',
      COLLECTOR_RATE_DEVICE_PER_MIN: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const groupSignal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  // Detached, it would outlive a test process that never calls stop() (a setup hook that timed out
  // while the collector started): the test process takes it along when it exits.
  const killWithTestProcess = () => groupSignal('SIGKILL');
  process.once('exit', killWithTestProcess);
  let out = '';
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res((exitCode = code))));
  void exited.then(() => process.off('exit', killWithTestProcess));
  const fixedPort = Number(env.COLLECTOR_PORT ?? 0);
  const address = await new Promise<string>((res, rej) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"address":"(http:\/\/[^"]+)".*"msg":"collector listening"/.exec(out);
      if (m) res(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    void exited.then((code) => rej(new Error(`collector exited (${code}) before listening:\n${out}`)));
    if (fixedPort > 0) {
      const poll = () => {
        if (exitCode !== undefined) return;
        rawRequest(fixedPort, { method: 'GET', path: '/health' })
          .then((r) => (r.status === 200 ? res(`http://127.0.0.1:${fixedPort}`) : setTimeout(poll, 100)))
          .catch(() => setTimeout(poll, 100));
      };
      poll();
    }
  });
  return {
    baseUrl: address,
    port: Number(new URL(address).port),
    child,
    exited,
    logs: () => out,
    async kill() {
      groupSignal('SIGKILL');
      await exited;
    },
    async stop() {
      groupSignal('SIGTERM');
      return exited;
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP: the path goes on the wire exactly as given (no URL normalisation). */
export function rawRequest(
  port: number,
  opts: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((res, rej) => {
    const headers = { ...opts.headers, ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}) };
    const req = request({ host: '127.0.0.1', port, method: opts.method, path: opts.path, headers }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => res({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks).toString() }));
      r.on('error', rej);
    });
    req.on('error', rej);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export function postJson(port: number, path: string, body: unknown): Promise<RawResponse> {
  return rawRequest(port, { method: 'POST', path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/**
 * Writes raw bytes to a socket in small pieces and stops writing as soon as
 * the server answers (as a well-behaved client would: piling on bytes after a
 * 413 can make the kernel reset the connection and drop the answer). Resolves
 * with the first complete HTTP response, or whatever arrived before close.
 */
export function rawSocket(port: number, data: string | Buffer): Promise<string> {
  const bytes = Buffer.from(data);
  return new Promise((res) => {
    let out = '';
    let offset = 0;
    const s = connect(port, '127.0.0.1');
    const complete = () => {
      const end = out.indexOf('\r\n\r\n');
      if (end < 0) return false;
      const length = Number(/content-length: *(\d+)/i.exec(out.slice(0, end))?.[1] ?? NaN);
      return Number.isFinite(length) && Buffer.byteLength(out.slice(end + 4)) >= length;
    };
    const pump = () => {
      while (offset < bytes.length && out === '' && !s.destroyed) {
        const piece = bytes.subarray(offset, offset + 16 * 1024);
        offset += piece.length;
        if (!s.write(piece)) return void s.once('drain', pump);
      }
      if (offset >= bytes.length) s.end();
    };
    s.on('connect', pump);
    s.on('data', (d: Buffer) => {
      out += d.toString();
      if (complete()) s.destroy();
    });
    s.on('close', () => res(out));
    s.on('error', () => undefined);
  });
}

/**
 * rawSocket for requests the server refuses mid-body: when it closes with our bytes still in
 * flight, the kernel may answer them with a reset that discards the reply it already sent. An
 * empty reply is that transport race, never an answer, so the request is tried again (at most
 * `attempts` times); any reply the server did send is returned as it is.
 */
export async function rawSocketReply(port: number, data: string | Buffer, attempts = 3): Promise<string> {
  let reply = '';
  for (let i = 0; i < attempts && reply === ''; i++) reply = await rawSocket(port, data);
  return reply;
}

/** Status and body of a raw HTTP/1.1 reply. */
export function parseRawReply(reply: string): RawResponse {
  const [head = '', body = ''] = reply.split('\r\n\r\n', 2);
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
  return { status, headers: {}, body };
}
