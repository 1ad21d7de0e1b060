import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** The model manifest e2e runs use: the real models unless a run names another. */
export const E2E_MANIFEST = process.env.TRIBUTARY_MODEL_MANIFEST ?? 'models/manifest.json';
/** The tiny synthetic stand-ins (test/fixtures/models/README.md), for tests whose subject is not the models' output. */
export const FIXTURE_MANIFEST = 'test/fixtures/models.fixtures.json';

/** The collector origin the run's shared test builds are made for; each copy gets its own collector's instead. */
const TEMPLATE_ORIGIN = 'http://e2e-collector.invalid';

/** Builds, once in `cache`, the test build (Chrome, site access held) with `manifest`; answers its folder. */
export function templateBuild(cache: string, manifest: string): string {
  const template = path.join(cache, createHash('sha256').update(manifest).digest('hex').slice(0, 16));
  if (!existsSync(path.join(template, 'chrome-mv3', 'manifest.json'))) buildExtension(TEMPLATE_ORIGIN, { manifest, outDir: template });
  return path.join(template, 'chrome-mv3');
}

/**
 * The test build for `collectorUrl`, in `outDir/chrome-mv3`. A build takes only the collector's origin
 * from its address (its host permission and the client's base URL), so each model manifest is built
 * once per run (minutes on a loaded machine) and every stack gets a copy with its own collector's
 * origin written in.
 */
export function testExtension(collectorUrl: string, options: { cache: string; manifest: string; outDir: string }): string {
  const dir = path.join(options.outDir, 'chrome-mv3');
  cpSync(templateBuild(options.cache, options.manifest), dir, { recursive: true });
  const origin = new URL(collectorUrl).origin;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(js|json|html)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    if (text.includes(TEMPLATE_ORIGIN)) writeFileSync(file, text.replaceAll(TEMPLATE_ORIGIN, origin));
  }
  return dir;
}
