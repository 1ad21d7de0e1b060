/**
 * ONNX Runtime's WASM build and its Emscripten glue, shipped as files of their own under `ort/`
 * (wxt.config.ts copies them from onnxruntime-web). Importing them with `?url` would inline them
 * as base64 into Firefox's background script (built as a library, where Vite inlines every
 * asset): a 20 MB script store review tools cannot parse, and a glue module imported from a
 * `data:` URL.
 */
export const ORT_RUNTIME_FILES = {
  mjs: 'ort/ort-wasm-simd-threaded.mjs',
  wasm: 'ort/ort-wasm-simd-threaded.wasm',
} as const;
