// The packages the stores take, made as a release would make them (`wxt zip`), and the Firefox
// one checked by Mozilla's own linter (`web-ext lint`): no error, and no warning other than the
// five the README explains, each recognised by the library code it points at.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ICON_SIZES } from '../../utils/icon-sizes';
import { ROOT } from './harness/build-extension';

const run = promisify(execFile);
const outDir = mkdtempSync(path.join(tmpdir(), 'tributary-zip-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

async function zip(browser: 'chrome' | 'firefox'): Promise<void> {
  await run(path.join(ROOT, 'node_modules/.bin/wxt'), ['zip', '-b', browser], {
    cwd: ROOT,
    env: { ...process.env, TRIBUTARY_OUT_DIR: outDir, TRIBUTARY_COLLECTOR_URL: 'https://collector.tributary.example' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

const lintMessage = z.object({ code: z.string(), message: z.string(), file: z.string().optional(), line: z.number().optional(), column: z.number().optional() });
const lintReport = z.object({ errors: z.array(lintMessage), warnings: z.array(lintMessage), notices: z.array(lintMessage) });
type LintMessage = z.infer<typeof lintMessage>;

/**
 * The warnings README.md ("Store packages") explains, each by the bundled library code it points
 * at: the text just before the reported column must contain the marker.
 */
const EXPLAINED = [
  { library: 'preact (dangerouslySetInnerHTML support)', code: 'UNSAFE_VAR_ASSIGNMENT', marker: 'dangerouslySetInnerHTML' },
  { library: "zod (probe whether eval is allowed; the extension's CSP forbids it)", code: 'DANGEROUS_EVAL', marker: 'jitless' },
  { library: 'onnxruntime-web (loads its glue module from the package)', code: 'UNSAFE_VAR_ASSIGNMENT', marker: 'createObjectURL' },
  { library: '@mozilla/readability (restores its working copy before a retry)', code: 'UNSAFE_VAR_ASSIGNMENT', marker: '_charThreshold' },
  { library: '@mozilla/readability (unwraps images in <noscript>)', code: 'UNSAFE_VAR_ASSIGNMENT', marker: '_isSingleImage' },
];

function explainedBy(warning: LintMessage, dir: string): string | undefined {
  if (!warning.file || warning.line === undefined || warning.column === undefined) return undefined;
  const line = readFileSync(path.join(dir, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
  const before = line.slice(Math.max(0, warning.column - 400), warning.column + 1);
  return EXPLAINED.find((known) => known.code === warning.code && before.includes(known.marker))?.library;
}

describe('store packages', () => {
  it('npm run zip: the Chrome package, with the icons', async () => {
    await zip('chrome');
    expect(existsSync(path.join(outDir, `tributary-${version}-chrome.zip`))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'chrome-mv3/manifest.json'), 'utf8')) as {
      icons: Record<string, string>;
      action: { default_icon: Record<string, string> };
    };
    const expected = Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icon/${size}.png`]));
    expect(manifest.icons).toEqual(expected);
    expect(manifest.action.default_icon).toEqual(expected);
    for (const file of Object.values(expected)) expect(existsSync(path.join(outDir, 'chrome-mv3', file))).toBe(true);
  });

  it('npm run zip:firefox: the package and the sources zip for review; web-ext lint finds no error and no unexplained warning', async () => {
    await zip('firefox');
    expect(existsSync(path.join(outDir, `tributary-${version}-firefox.zip`))).toBe(true);
    expect(existsSync(path.join(outDir, `tributary-${version}-sources.zip`))).toBe(true);
    const dir = path.join(outDir, 'firefox-mv2');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { browser_action: { default_icon: Record<string, string> } };
    expect(Object.keys(manifest.browser_action.default_icon)).toEqual(ICON_SIZES.map(String));

    const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-input'], {
      cwd: ROOT,
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = lintReport.parse(JSON.parse(stdout));
    expect(report.errors).toEqual([]);
    const unexplained = report.warnings.filter((warning) => explainedBy(warning, dir) === undefined);
    expect(unexplained).toEqual([]);
    // Each explanation still points at a warning: one that no longer occurs is removed from the README.
    expect(new Set(report.warnings.map((warning) => explainedBy(warning, dir)))).toEqual(new Set(EXPLAINED.map((known) => known.library)));
  });
});
