import { describe, expect, it } from 'vitest';
import { bytesToHex, decodeVector, decodeVectorB64, encodeVector, encodeVectorB64, hexToBytes, quantizedVector, vectorDims } from '../../../utils/wire/index';

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
};

function unitVector(dims: number): number[] {
  const v = Array.from({ length: dims }, () => Math.random() * 2 - 1);
  const n = Math.hypot(...v);
  return v.map((x) => Math.fround(x / n));
}

describe('vector codec (int8 + float32 scale)', () => {
  it('matches the known-answer vector of utils/wire/README.md', () => {
    const values = [0.5, -0.25, 0.125, 0, -0.5, 0.3, 0.1, -0.0039];
    // scale = float32(0.5 / 127) = 0x3b810204 (LE 0402813b); q = 127 -64 32 0 -127 76 25 -1
    expect(bytesToHex(encodeVector(values))).toBe('0402813b7fc02000814c19ff');
    const decoded = decodeVector(hexToBytes('0402813b7fc02000814c19ff'));
    expect(Array.from(decoded)).toEqual([127, -64, 32, 0, -127, 76, 25, -1].map((q) => Math.fround(q * Math.fround(0.5 / 127))));
  });

  it('rounds ties away from zero and keeps the largest component at ±127', () => {
    // 1.5 and -1.5 steps of scale exactly (scale = 127 / 127 = 1).
    expect(Array.from(quantizedVector(encodeVector([127, 1.5, -1.5, 2.5, -126.5])).q)).toEqual([127, 2, -2, 3, -127]);
    expect(Array.from(quantizedVector(encodeVector([-3, 1])).q)).toEqual([-127, 42]);
  });

  it('keeps a 384-dimension unit vector within cosine 0.9999 of the float32 one, in 388 bytes', () => {
    for (let i = 0; i < 50; i++) {
      const v = unitVector(384);
      const bytes = encodeVector(v);
      expect(bytes.byteLength).toBe(388);
      expect(vectorDims(bytes)).toBe(384);
      expect(cosine(v, decodeVector(bytes))).toBeGreaterThan(0.9999);
    }
  });

  it('encodes the zero vector with scale 0, and round-trips through base64', () => {
    const zero = encodeVector(new Array(8).fill(0));
    expect(quantizedVector(zero).scale).toBe(0);
    expect(Array.from(decodeVector(zero))).toEqual(new Array(8).fill(0));
    const v = unitVector(16);
    expect(Array.from(decodeVectorB64(encodeVectorB64(v)))).toEqual(Array.from(decodeVector(encodeVector(v))));
  });

  it('refuses what is not a vector: non-finite input, a short header, a bad scale, -128', () => {
    expect(() => encodeVector([1, Number.NaN])).toThrow(RangeError);
    expect(() => encodeVector([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => decodeVector(new Uint8Array(3))).toThrow(RangeError);
    const withScale = (scale: number, q = 1) => {
      const b = new Uint8Array(6);
      new DataView(b.buffer).setFloat32(0, scale, true);
      new DataView(b.buffer).setInt8(4, q);
      return b;
    };
    for (const scale of [Number.NaN, Number.POSITIVE_INFINITY, -1, -0]) expect(() => decodeVector(withScale(scale))).toThrow(RangeError);
    expect(() => decodeVector(withScale(0.5, -128))).toThrow(RangeError);
    expect(Array.from(decodeVector(withScale(0.5, -127)))).toEqual([-63.5, 0]);
  });

  it('decodes a vector inside a larger buffer (a view, not the buffer start)', () => {
    const inner = encodeVector([1, -1, 0.5]);
    const outer = new Uint8Array(inner.byteLength + 5);
    outer.set(inner, 5);
    expect(Array.from(decodeVector(outer.subarray(5)))).toEqual(Array.from(decodeVector(inner)));
  });
});
