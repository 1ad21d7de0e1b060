import { describe, expect, it } from 'vitest';
import { wasmThreadCount } from '../../../utils/models/wasm-threads';

describe('wasmThreadCount', () => {
  it('uses one thread without cross-origin isolation, whatever the cores', () => {
    expect(wasmThreadCount(false, 8)).toBe(1);
  });
  it('uses the cores when isolated, at most four and at least one', () => {
    expect(wasmThreadCount(true, 2)).toBe(2);
    expect(wasmThreadCount(true, 16)).toBe(4);
    expect(wasmThreadCount(true, 0)).toBe(1);
  });
});
