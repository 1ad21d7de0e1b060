// Embedding vectors on the wire and at rest: little-endian float32, row after row (base64 on the
// wire). One packer and one unpacker, so the compute path changes codec in one place.
import { base64ToBytes, bytesToBase64 } from './encoding';

export function packVectors(rows: readonly ArrayLike<number>[], dims: number): Uint8Array {
  const bytes = new Uint8Array(rows.length * dims * 4);
  const view = new DataView(bytes.buffer);
  rows.forEach((row, r) => {
    if (row.length !== dims) throw new RangeError(`vector ${r} has ${row.length} dimensions, expected ${dims}`);
    for (let d = 0; d < dims; d++) view.setFloat32((r * dims + d) * 4, row[d]!, true);
  });
  return bytes;
}

/** Throws unless the bytes hold exactly `count` finite vectors of `dims` dimensions. */
export function unpackVectors(bytes: Uint8Array, count: number, dims: number): Float32Array[] {
  if (bytes.length !== count * dims * 4) throw new RangeError(`expected ${count}×${dims} float32 values, got ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows: Float32Array[] = [];
  for (let r = 0; r < count; r++) {
    const row = new Float32Array(dims);
    for (let d = 0; d < dims; d++) {
      const v = view.getFloat32((r * dims + d) * 4, true);
      if (!Number.isFinite(v)) throw new RangeError('vectors must be finite');
      row[d] = v;
    }
    rows.push(row);
  }
  return rows;
}

export const encodeVectors = (rows: readonly ArrayLike<number>[], dims: number): string => bytesToBase64(packVectors(rows, dims));
export const decodeVectors = (b64: string, count: number, dims: number): Float32Array[] => unpackVectors(base64ToBytes(b64), count, dims);
