// Global setup of the e2e project: one folder for the run in which each kind of test build of the
// extension is made once (build-extension.ts testExtension), removed when the run ends. The build
// with the run's models is made here, before any test file, so no file's setup waits for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { E2E_MANIFEST, templateBuild } from './build-extension';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run keeps its test builds of the extension, one folder per model manifest. */
    e2eBuildCache: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'tributary-e2e-builds-'));
  templateBuild(dir, E2E_MANIFEST);
  project.provide('e2eBuildCache', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
