import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Builds the extension for a given collector address (the address is part of the manifest's
 * host permissions, so it is fixed at build time), into its own folder; Chrome unless told.
 */
export function buildExtension(
  collectorUrl: string,
  options: { manifest?: string; outDir: string; browser?: 'chrome' | 'firefox'; userBuild?: boolean },
): string {
  const browser = options.browser ?? 'chrome';
  execFileSync(path.join(ROOT, 'node_modules/.bin/wxt'), ['build', '-b', browser], {
    cwd: ROOT,
    env: {
      ...process.env,
      TRIBUTARY_COLLECTOR_URL: collectorUrl,
      TRIBUTARY_OUT_DIR: options.outDir,
      // The permission dialog of opt-in cannot be clicked headless: test builds hold site access,
      // user builds (what ships) never do.
      TRIBUTARY_GRANT_SITE_ACCESS: options.userBuild ? '0' : '1',
      ...(options.manifest ? { TRIBUTARY_MODEL_MANIFEST: options.manifest } : {}),
    },
    stdio: 'pipe',
  });
  return path.join(options.outDir, browser === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
}
