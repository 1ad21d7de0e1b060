import { env, pipeline } from '@huggingface/transformers';
import { browser } from 'wxt/browser';
import type { RuntimeModelInfo } from './manifest';
import { ORT_RUNTIME_FILES } from './ort-runtime-files';
import { LoadProgress, type FileProgressEvent } from './progress';
import { modelRunners, type ModelRunners } from './runners';
import { wasmThreadCount } from './wasm-threads';
import { yieldBetweenCalls } from './yield-between-calls';

/**
 * The models the extension ships, each loaded on first use, in a page with a DOM (Chrome's
 * offscreen document, Firefox's background page). Everything comes from the extension package: no model hub, no
 * CDN for the WASM runtime (MV3 forbids remote code), no cache outside the extension.
 */
export async function loadBrowserRunners(onProgress: (fraction: number) => void): Promise<ModelRunners> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useBrowserCache = false;
  env.localModelPath = new URL('models/', browser.runtime.getURL('/')).href;
  const onnx = env.backends.onnx;
  if (onnx.wasm) {
    onnx.wasm.wasmPaths = {
      mjs: new URL(ORT_RUNTIME_FILES.mjs, browser.runtime.getURL('/')).href,
      wasm: new URL(ORT_RUNTIME_FILES.wasm, browser.runtime.getURL('/')).href,
    };
    // The manifest asks for cross-origin isolation (Chrome), which threads need.
    onnx.wasm.numThreads = wasmThreadCount(globalThis.crossOriginIsolated, navigator.hardwareConcurrency || 1);
  }
  const info = (await (await fetch(new URL('models/runtime.json', browser.runtime.getURL('/')))).json()) as RuntimeModelInfo;
  const progress = new LoadProgress();
  const progress_callback = (event: FileProgressEvent) => onProgress(progress.update(event));
  return yieldBetweenCalls(
    modelRunners(
      {
        embed: () => pipeline('feature-extraction', 'embed', { dtype: 'q8', device: 'wasm', progress_callback }),
        ner: () => pipeline('token-classification', 'ner', { dtype: 'q8', device: 'wasm', progress_callback }),
      },
      info,
    ),
  );
}
