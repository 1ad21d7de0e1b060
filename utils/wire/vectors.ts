// A shard's embedding vectors on the wire and at rest: wire v2's binary vectors
// (vector-codec.ts: int8 with one float32 scale per vector), row after row, base64 on the wire.
import { encodedVectorBytes, encodeVector, decodeVector } from './vector-codec';
import { base64ToBytes, bytesToBase64 } from './encoding';

export function packVectors(rows: readonly ArrayLike<number>[], dims: number): Uint8Array {
  const size = encodedVectorBytes(dims);
  const bytes = new Uint8Array(rows.length * size);
  rows.forEach((row, r) => {
    if (row.length !== dims) throw new RangeError(`vector ${r} has ${row.length} dimensions, expected ${dims}`);
    bytes.set(encodeVector(row), r * size);
  });
  return bytes;
}

/** Throws unless the bytes hold exactly `count` encoded vectors of `dims` dimensions. */
export function unpackVectors(bytes: Uint8Array, count: number, dims: number): Float32Array[] {
  const size = encodedVectorBytes(dims);
  if (bytes.length !== count * size) throw new RangeError(`expected ${count} vectors of ${dims} dimensions, got ${bytes.length} bytes`);
  return Array.from({ length: count }, (_, r) => decodeVector(bytes.subarray(r * size, (r + 1) * size)));
}

export const encodeVectors = (rows: readonly ArrayLike<number>[], dims: number): string => bytesToBase64(packVectors(rows, dims));
export const decodeVectors = (b64: string, count: number, dims: number): Float32Array[] => unpackVectors(base64ToBytes(b64), count, dims);
