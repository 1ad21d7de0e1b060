// The manifests users install, as built (no test-only site access): least privilege, no
// registered content script, and the Firefox build able to ask for what the Chrome one asks for.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExtension } from './harness/build-extension';

const COLLECTOR = 'https://collector.tributary.example';
const SITES = ['http://*/*', 'https://*/*'];
const outDir = mkdtempSync(path.join(tmpdir(), 'tributary-manifest-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function build(browser: 'chrome' | 'firefox'): { dir: string; manifest: Record<string, unknown> } {
  const dir = buildExtension(COLLECTOR, { outDir: path.join(outDir, browser), browser, userBuild: true });
  return { dir, manifest: JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> };
}

describe('the built manifests', () => {
  it('Chrome (MV3): only the collector at install, site access optional, no content script, incognito not allowed, cross-origin isolated pages', () => {
    const { dir, manifest } = build('chrome');
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual([`${COLLECTOR}/*`]);
    expect(manifest.optional_host_permissions).toEqual(SITES);
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'scripting', 'idle', 'offscreen']);
    expect(manifest).not.toHaveProperty('content_scripts');
    // Nothing a web page could load or probe for.
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest.incognito).toBe('not_allowed');
    expect(manifest.cross_origin_embedder_policy).toEqual({ value: 'require-corp' });
    expect(existsSync(path.join(dir, 'observer.js'))).toBe(true);
  });

  it('Firefox (MV2): site access is an optional permission it can request, data collection is declared, no content script', () => {
    const { dir, manifest } = build('firefox');
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.optional_permissions).toEqual(SITES);
    // MV2 lists hosts among permissions: the collector only.
    expect((manifest.permissions as string[]).filter((p) => p.includes('://'))).toEqual([`${COLLECTOR}/*`]);
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest.incognito).toBe('not_allowed');
    const gecko = (manifest.browser_specific_settings as { gecko: { data_collection_permissions: { required: string[] } } }).gecko;
    expect(gecko.data_collection_permissions.required).toEqual(['browsingActivity', 'websiteActivity', 'websiteContent']);
    expect(existsSync(path.join(dir, 'observer.js'))).toBe(true);
  });
});
