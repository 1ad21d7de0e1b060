// A linear classifier as an ONNX model (softmax(x·W + b)), written directly in ONNX's protobuf
// encoding: the few messages it needs (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto),
// so the collector exports a model without Python and the bytes depend only on the weights.
// Field numbers from onnx/onnx.proto (IR version 8, opset 13).

class Writer {
  private readonly parts: number[] = [];
  private varint(n: number): void {
    let v = n;
    while (v > 0x7f) {
      this.parts.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.parts.push(v);
  }
  private key(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }
  int(field: number, n: number): this {
    this.key(field, 0);
    this.varint(n);
    return this;
  }
  bytes(field: number, b: Uint8Array): this {
    this.key(field, 2);
    this.varint(b.length);
    for (const x of b) this.parts.push(x);
    return this;
  }
  string(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }
  message(field: number, m: Writer): this {
    return this.bytes(field, m.finish());
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

const FLOAT = 1;

function tensor(name: string, dims: number[], values: Float32Array): Writer {
  const w = new Writer();
  for (const d of dims) w.int(1, d);
  const le = new Uint8Array(values.length * 4);
  const view = new DataView(le.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return w.int(2, FLOAT).string(8, name).bytes(9, le);
}

function valueInfo(name: string, dims: (number | string)[]): Writer {
  const shape = new Writer();
  for (const d of dims) shape.message(1, typeof d === 'number' ? new Writer().int(1, d) : new Writer().string(2, d));
  const tensorType = new Writer().int(1, FLOAT).message(2, shape);
  return new Writer().string(1, name).message(2, new Writer().message(1, tensorType));
}

function node(op: string, inputs: string[], outputs: string[], attrs: Writer[] = []): Writer {
  const w = new Writer();
  for (const i of inputs) w.string(1, i);
  for (const o of outputs) w.string(2, o);
  w.string(3, `${op}_0`).string(4, op);
  for (const a of attrs) w.message(5, a);
  return w;
}

/**
 * `weights` is row-major [dims][labels]. Input `embedding` [n, dims], output `probabilities` [n, labels].
 */
export function linearClassifierOnnx(weights: Float32Array, bias: Float32Array, dims: number, labels: number, producer: string): Uint8Array {
  const axis = new Writer().string(1, 'axis').int(3, 1).int(20, 2); // AttributeProto: name, i, type INT
  const graph = new Writer()
    .message(1, node('MatMul', ['embedding', 'W'], ['logits_wx']))
    .message(1, node('Add', ['logits_wx', 'b'], ['logits']))
    .message(1, node('Softmax', ['logits'], ['probabilities'], [axis]))
    .string(2, 'topic_classifier')
    .message(5, tensor('W', [dims, labels], weights))
    .message(5, tensor('b', [labels], bias))
    .message(11, valueInfo('embedding', ['n', dims]))
    .message(12, valueInfo('probabilities', ['n', labels]));
  return new Writer()
    .int(1, 8)
    .string(2, producer)
    .message(7, graph)
    .message(8, new Writer().string(1, '').int(2, 13))
    .finish();
}
