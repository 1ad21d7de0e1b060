// Binary vectors on the wire (wire v2): int8 with one float32 scale per vector.
//
// Layout: 4 bytes little-endian float32 `scale`, then one int8 per dimension, q[i] ∈ [-127, 127];
// the vector is q[i] × scale. The encoder picks scale = float32(max|v| / 127) and
// q[i] = round(v[i] / scale), ties away from zero, clamped to ±127. 384 dimensions take 388 bytes instead of ~7.7 KB of JSON numbers.
// Measured on the real embedding model (models/README.md): cosine to the float32 vector ≥ 0.9999,
// and no pair crosses the collector's near-duplicate threshold because of it.
// Cosine similarity does not depend on the scale, so comparisons may run on the int8s directly.
import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from './encoding';

export const VECTOR_HEADER_BYTES = 4;
const Q_MAX = 127;

/** Bytes of an encoded vector of `dims` dimensions. */
export const encodedVectorBytes = (dims: number): number => VECTOR_HEADER_BYTES + dims;

/** Encodes finite numbers; throws on NaN or ±Infinity (they have no meaning in a vector). */
export function encodeVector(values: ArrayLike<number>): Uint8Array {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new RangeError('vector component is not a finite number');
    max = Math.max(max, Math.abs(v));
  }
  const out = new Uint8Array(VECTOR_HEADER_BYTES + values.length);
  const view = new DataView(out.buffer);
  const scale = Math.fround(max / Q_MAX);
  view.setFloat32(0, scale, true);
  if (scale === 0) return out;
  for (let i = 0; i < values.length; i++) {
    // The float32 scale may round below max / 127: clamp so the largest component stays in range.
    const x = values[i]! / scale;
    // Ties round away from zero (not Math.round's toward +∞), as most other languages' round does.
    view.setInt8(VECTOR_HEADER_BYTES + i, Math.sign(x) * Math.min(Q_MAX, Math.round(Math.abs(x))));
  }
  return out;
}

export interface QuantizedVector {
  scale: number;
  /** A view into the encoded bytes, not a copy. */
  q: Int8Array;
}

/** The parts of an encoded vector; throws RangeError if the bytes are not one. */
export function quantizedVector(bytes: Uint8Array): QuantizedVector {
  if (bytes.byteLength < VECTOR_HEADER_BYTES) throw new RangeError('encoded vector is shorter than its header');
  const scale = new DataView(bytes.buffer, bytes.byteOffset, VECTOR_HEADER_BYTES).getFloat32(0, true);
  if (!Number.isFinite(scale) || scale < 0 || Object.is(scale, -0)) throw new RangeError('vector scale must be a finite number ≥ 0');
  const q = new Int8Array(bytes.buffer, bytes.byteOffset + VECTOR_HEADER_BYTES, bytes.byteLength - VECTOR_HEADER_BYTES);
  if (q.includes(-128)) throw new RangeError('vector component out of range (-128)');
  return { scale, q };
}

/** The vector the bytes stand for. Throws RangeError if they are not an encoded vector. */
export function decodeVector(bytes: Uint8Array): Float32Array {
  const { scale, q } = quantizedVector(bytes);
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = q[i]! * scale;
  return out;
}

/** Dimensions of an encoded vector, from its length alone. */
export const vectorDims = (bytes: Uint8Array): number => bytes.byteLength - VECTOR_HEADER_BYTES;

/** Base64 (standard, padded) of an encoded vector of `min`..`max` dimensions, checked to decode. */
export const vectorB64 = (min: number, max: number) =>
  z
    .string()
    .min(Math.ceil(encodedVectorBytes(min) / 3) * 4)
    .max(Math.ceil(encodedVectorBytes(max) / 3) * 4)
    .refine((s) => {
      try {
        const bytes = base64ToBytes(s);
        const dims = vectorDims(bytes);
        quantizedVector(bytes);
        return dims >= min && dims <= max;
      } catch {
        return false;
      }
    }, `expected base64 of an encoded vector (int8 + scale) of ${min}..${max} dimensions`);

/** encodeVector, as the base64 a signal carries. */
export const encodeVectorB64 = (values: ArrayLike<number>): string => bytesToBase64(encodeVector(values));

/** decodeVector of a signal's base64 embedding. */
export const decodeVectorB64 = (b64: string): Float32Array => decodeVector(base64ToBytes(b64));
