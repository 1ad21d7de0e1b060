// Node-only: used by the extension build and the command-line tools, never bundled into pages.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelManifestSchema, MODEL_ROLES, type ModelManifest, type ModelRole } from './manifest';

export const DEFAULT_MANIFEST = 'models/manifest.json';

export interface LoadedManifest {
  manifest: ModelManifest;
  /** Absolute folder of each model role. */
  dirs: Record<ModelRole, string>;
}

/** The manifest named by TRIBUTARY_MODEL_MANIFEST, else the real models' manifest. */
export function manifestPath(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(repoRoot, env.TRIBUTARY_MODEL_MANIFEST ?? DEFAULT_MANIFEST);
}

/**
 * Reads a model manifest and checks every listed file's sha256, so a build or a tool never runs
 * a model other than the one the manifest names. Folders are relative to the repo root.
 */
export function loadVerifiedManifest(file: string, repoRoot: string): LoadedManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read model manifest ${file}: ${(err as Error).message}`);
  }
  const manifest = modelManifestSchema.parse(raw);
  const dirs = {} as Record<ModelRole, string>;
  for (const role of MODEL_ROLES) {
    const entry = manifest.models[role];
    const dir = path.resolve(repoRoot, entry.dir);
    for (const [rel, expected] of Object.entries(entry.files)) {
      const actual = sha256File(path.join(dir, rel));
      if (actual !== expected) {
        throw new Error(`model ${entry.id}: ${rel} has sha256 ${actual}, manifest says ${expected}`);
      }
    }
    dirs[role] = dir;
  }
  return { manifest, dirs };
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
