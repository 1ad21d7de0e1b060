/** ONNX Runtime WASM threads: they need cross-origin isolation (SharedArrayBuffer); a few cores are plenty. */
export function wasmThreadCount(crossOriginIsolated: boolean, cores: number): number {
  return crossOriginIsolated ? Math.max(1, Math.min(4, cores)) : 1;
}
