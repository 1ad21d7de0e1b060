import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MANIFEST, loadVerifiedManifest, manifestPath } from '../../../utils/models/manifest-files';
import type { ModelManifest } from '../../../utils/models/manifest';

const root = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(root, 'test/fixtures/models.fixtures.json');
const fixtureManifest = (): ModelManifest => JSON.parse(readFileSync(FIXTURES, 'utf8')) as ModelManifest;

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'tributary-manifest-'));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** A copy of the fixture models under tmp, with a manifest that points at the copies. */
function copyFixtures(): string {
  const manifest = fixtureManifest();
  for (const entry of Object.values(manifest.models)) {
    const target = path.join(tmp, path.basename(entry.dir));
    cpSync(path.resolve(root, entry.dir), target, { recursive: true });
    entry.dir = path.basename(entry.dir);
  }
  const file = path.join(tmp, 'manifest.json');
  writeFileSync(file, JSON.stringify(manifest));
  return file;
}

describe('loadVerifiedManifest', () => {
  it('loads the fixture manifest and resolves each model folder', () => {
    const { manifest, dirs } = loadVerifiedManifest(FIXTURES, root);
    expect(manifest.models.embed.dim).toBe(384);
    expect(dirs.embed).toBe(path.resolve(root, 'test/fixtures/models/tiny-embed-384'));
    expect(dirs.ner).toBe(path.resolve(root, 'test/fixtures/models/tiny-ner-lexicon'));
  });

  it('accepts an unchanged copy and refuses it once one byte of a model file changed', () => {
    const file = copyFixtures();
    expect(() => loadVerifiedManifest(file, tmp)).not.toThrow();

    const onnx = path.join(tmp, 'tiny-ner-lexicon', 'onnx', 'model_quantized.onnx');
    const bytes = readFileSync(onnx);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(onnx, bytes);
    expect(() => loadVerifiedManifest(file, tmp)).toThrow(/onnx\/model_quantized\.onnx has sha256 [0-9a-f]{64}, manifest says/);
  });

  it('refuses a missing model file', () => {
    const file = copyFixtures();
    const tokenizer = path.join(tmp, 'tiny-embed-384', 'tokenizer.json');
    rmSync(tokenizer);
    expect(() => loadVerifiedManifest(file, tmp)).toThrow(/tokenizer\.json/);
  });

  it('refuses a manifest whose model does not list onnx/model_quantized.onnx', () => {
    const manifest = fixtureManifest();
    delete manifest.models.embed.files['onnx/model_quantized.onnx'];
    const file = path.join(tmp, 'manifest.json');
    writeFileSync(file, JSON.stringify(manifest));
    expect(() => loadVerifiedManifest(file, root)).toThrow(/must ship onnx\/model_quantized\.onnx/);
  });

  it('refuses a malformed sha256 and an unreadable manifest', () => {
    const manifest = fixtureManifest();
    manifest.models.ner.files['config.json'] = 'not-a-hash';
    const file = path.join(tmp, 'manifest.json');
    writeFileSync(file, JSON.stringify(manifest));
    expect(() => loadVerifiedManifest(file, root)).toThrow();
    writeFileSync(file, '{ not json');
    expect(() => loadVerifiedManifest(file, root)).toThrow(/cannot read model manifest/);
    expect(() => loadVerifiedManifest(path.join(tmp, 'absent.json'), root)).toThrow(/cannot read model manifest/);
  });
});

describe('manifestPath', () => {
  it('defaults to the real models manifest and follows TRIBUTARY_MODEL_MANIFEST', () => {
    expect(manifestPath('/repo', {})).toBe(path.resolve('/repo', DEFAULT_MANIFEST));
    expect(manifestPath('/repo', { TRIBUTARY_MODEL_MANIFEST: 'test/fixtures/models.fixtures.json' })).toBe(
      '/repo/test/fixtures/models.fixtures.json',
    );
  });
});
