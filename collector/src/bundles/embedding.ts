// How a signal's embedding is stored: little-endian float64s, exactly the numbers the device sent
// (JSON would carry the same numbers, at several times the size and a parse per read).

export function embeddingBytes(embedding: readonly number[]): Buffer {
  const buf = Buffer.allocUnsafe(embedding.length * 8);
  embedding.forEach((x, i) => buf.writeDoubleLE(x, i * 8));
  return buf;
}

const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

export function embeddingOf(bytes: Uint8Array): Float64Array {
  // One aligned copy read as native doubles; a byte-by-byte decode only on big-endian hosts.
  if (LITTLE_ENDIAN) return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: bytes.byteLength / 8 }, (_, i) => view.getFloat64(i * 8, true));
}
