import { describe, expect, it } from 'vitest';
import { LoadProgress } from '../../../utils/models/progress';

describe('LoadProgress', () => {
  it('starts at zero and ignores events without a file', () => {
    const p = new LoadProgress();
    expect(p.fraction()).toBe(0);
    expect(p.update({ status: 'ready', name: 'embed' })).toBe(0);
  });

  it('is one fraction over the bytes of every file of every model', () => {
    const p = new LoadProgress();
    p.update({ status: 'initiate', name: 'embed', file: 'onnx/model_quantized.onnx' });
    expect(p.update({ status: 'progress', name: 'embed', file: 'onnx/model_quantized.onnx', loaded: 50, total: 100 })).toBe(0.5);
    expect(p.update({ status: 'progress', name: 'ner', file: 'onnx/model_quantized.onnx', loaded: 0, total: 300 })).toBe(0.125);
    expect(p.update({ status: 'done', name: 'embed', file: 'onnx/model_quantized.onnx' })).toBe(0.25);
    expect(p.update({ status: 'progress', name: 'ner', file: 'onnx/model_quantized.onnx', loaded: 150, total: 300 })).toBe(0.625);
    expect(p.update({ status: 'done', name: 'ner', file: 'onnx/model_quantized.onnx' })).toBe(1);
  });

  it('a file announced but not yet sized does not move the bar', () => {
    const p = new LoadProgress();
    p.update({ status: 'progress', name: 'embed', file: 'a', loaded: 10, total: 100 });
    expect(p.update({ status: 'initiate', name: 'embed', file: 'b' })).toBe(0.1);
    expect(p.update({ status: 'download', name: 'embed', file: 'b' })).toBe(0.1);
  });

  it('a small file done without progress events counts as complete', () => {
    const p = new LoadProgress();
    p.update({ status: 'progress', name: 'embed', file: 'big', loaded: 0, total: 99 });
    expect(p.update({ status: 'done', name: 'embed', file: 'config.json' })).toBe(0.01);
  });

  it('a late initiate does not reset a file already in progress, and the fraction never exceeds 1', () => {
    const p = new LoadProgress();
    p.update({ status: 'progress', name: 'embed', file: 'a', loaded: 80, total: 100 });
    expect(p.update({ status: 'initiate', name: 'embed', file: 'a' })).toBe(0.8);
    expect(p.update({ status: 'progress', name: 'embed', file: 'a', loaded: 120, total: 100 })).toBe(1);
  });
});
