import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** Runs a TypeScript file in its own process; resolves with the first stdout line that parses as JSON. */
export function runTsJson<T>(file: string, args: string[] = []): { child: ChildProcess; line: Promise<T>; exited: Promise<number | null> } {
  const child = spawn(TSX, [path.join(ROOT, file), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const line = new Promise<T>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const l of out.split('\n').slice(0, -1)) {
        try {
          resolve(JSON.parse(l) as T);
          return;
        } catch {
          /* not the JSON line yet */
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    void exited.then((code) => reject(new Error(`${file} exited (${code}) without a result:\n${err.slice(-2000)}`)));
  });
  return { child, line, exited };
}
