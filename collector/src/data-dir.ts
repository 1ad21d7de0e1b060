// The collector's files are all created 0600 (database, WAL, shared memory, keys, blobs), so a directory
// others can read or enter shows them names only (blob CIDs, which the transparency log publishes anyway),
// never content. That is why a loose directory is reported rather than refused: refusing would stop a
// collector that leaks nothing, over a mode an operator may have chosen (a shared backup group, say).
import { statSync } from 'node:fs';

export interface LooseDirectory {
  dir: string;
  /** Octal permission bits, e.g. "755". */
  mode: string;
}

/** The directories among `dirs` that group or others may read, write or enter (absent ones are skipped). */
export function looseDirectories(dirs: string[]): LooseDirectory[] {
  const loose: LooseDirectory[] = [];
  for (const dir of new Set(dirs)) {
    let mode: number;
    try {
      mode = statSync(dir).mode & 0o777;
    } catch {
      continue;
    }
    if (mode & 0o077) loose.push({ dir, mode: mode.toString(8) });
  }
  return loose;
}
