import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, canonicalJson, hexToBytes } from '../../../utils/wire/index';

describe('wire encoding', () => {
  it('round-trips base64 for every length remainder', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const b64 = bytesToBase64(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(b64)).toEqual(bytes);
    }
  });

  it('rejects non-canonical or malformed base64', () => {
    expect(() => base64ToBytes('QR==')).toThrow(); // spare bits set
    expect(() => base64ToBytes('QQ=')).toThrow();
    expect(() => base64ToBytes('Q$==')).toThrow();
    expect(() => base64ToBytes('QQ==QQ==')).toThrow();
  });

  it('accepts only lowercase hex', () => {
    expect(hexToBytes('0aff')).toEqual(new Uint8Array([10, 255]));
    expect(() => hexToBytes('0AFF')).toThrow();
    expect(() => hexToBytes('0af')).toThrow();
  });

  it('canonical JSON sorts keys, drops undefined and refuses non-finite numbers', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: 0, y: -1.5 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"d":{"y":-1.5,"z":0}}',
    );
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson([Infinity])).toThrow();
  });
});
