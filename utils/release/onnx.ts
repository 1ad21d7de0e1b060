// A linear classifier as an ONNX model (softmax(x·W + b)), written directly in ONNX's protobuf
// encoding: the few messages it needs (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto),
// so the collector exports a model without Python and the bytes depend only on the weights. And read
// back: a device runs an ONNX model only after checking that its graph is exactly that function.
// Field numbers from onnx/onnx.proto (IR version 8, opset 13).
import type { LinearModel } from './linear-model';

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

type Field = number | Uint8Array;

/** A protobuf message's fields by number, in order; varints as numbers, length-delimited fields as bytes. */
function fields(bytes: Uint8Array): Map<number, Field[]> {
  const out = new Map<number, Field[]>();
  let pos = 0;
  // int64 fields (dims, attribute values) are two's complement: -1 is ten bytes.
  const varint = (): number => {
    let v = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (pos >= bytes.length || shift > 63n) throw new Error('truncated or oversized varint');
      const b = bytes[pos++]!;
      v |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return Number(BigInt.asIntN(64, v));
    }
  };
  while (pos < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    let value: Field;
    switch (key % 8) {
      case 0:
        value = varint();
        break;
      case 2: {
        const len = varint();
        if (pos + len > bytes.length) throw new Error('truncated field');
        value = bytes.subarray(pos, pos + len);
        pos += len;
        break;
      }
      case 5:
        pos += 4;
        continue;
      case 1:
        pos += 8;
        continue;
      default:
        throw new Error(`unsupported protobuf wire type ${key % 8}`);
    }
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

const bytesOf = (m: Map<number, Field[]>, field: number): Uint8Array[] => (m.get(field) ?? []).filter((v): v is Uint8Array => v instanceof Uint8Array);
const numbersOf = (m: Map<number, Field[]>, field: number): number[] => (m.get(field) ?? []).filter((v): v is number => typeof v === 'number');
const text = (b: Uint8Array | undefined): string => (b ? new TextDecoder().decode(b) : '');

interface ReadNode {
  op: string;
  inputs: string[];
  outputs: string[];
  attrs: Map<string, number>;
}

function readNode(bytes: Uint8Array): ReadNode {
  const m = fields(bytes);
  const attrs = new Map<string, number>();
  for (const a of bytesOf(m, 5)) {
    const f = fields(a);
    attrs.set(text(bytesOf(f, 1)[0]), numbersOf(f, 3)[0] ?? Number.NaN);
  }
  return { op: text(bytesOf(m, 4)[0]), inputs: bytesOf(m, 1).map(text), outputs: bytesOf(m, 2).map(text), attrs };
}

function readFloatTensor(bytes: Uint8Array): { name: string; dims: number[]; values: Float32Array } {
  const m = fields(bytes);
  if (numbersOf(m, 2)[0] !== FLOAT) throw new Error('a weight tensor is not float32');
  const raw = bytesOf(m, 9)[0];
  if (!raw || raw.length % 4 !== 0) throw new Error('a weight tensor has no raw float32 data');
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const values = Float32Array.from({ length: raw.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
  return { name: text(bytesOf(m, 8)[0]), dims: numbersOf(m, 1), values };
}

/**
 * The weights of an ONNX model that computes exactly softmax(x·W + b) over its only input, x [n, dims]
 * (the graph linearClassifierOnnx writes: MatMul, Add, Softmax on axis 1, opset 13 or later). Throws for
 * any other graph, so whoever runs the weights computes the same function the ONNX file describes.
 */
export function readLinearClassifier(bytes: Uint8Array): Omit<LinearModel, 'labels'> & { classes: number } {
  const model = fields(bytes);
  const opset = bytesOf(model, 8).map(fields).find((o) => text(bytesOf(o, 1)[0]) === '');
  if (!opset || (numbersOf(opset, 2)[0] ?? 0) < 13) throw new Error('the model does not use ONNX opset 13 or later');
  const graphBytes = bytesOf(model, 7)[0];
  if (!graphBytes) throw new Error('the model has no graph');
  const graph = fields(graphBytes);
  const nodes = bytesOf(graph, 1).map(readNode);
  const tensors = new Map(bytesOf(graph, 5).map(readFloatTensor).map((t) => [t.name, t]));
  const inputs = bytesOf(graph, 11).map((v) => text(bytesOf(fields(v), 1)[0])).filter((name) => !tensors.has(name));
  const outputs = bytesOf(graph, 12).map((v) => text(bytesOf(fields(v), 1)[0]));
  const [matMul, add, softmax] = nodes;
  const axis = softmax?.attrs.get('axis') ?? -1;
  const [x] = inputs;
  const w = tensors.get(matMul?.inputs[1] ?? '');
  const b = tensors.get(add?.inputs.find((i) => i !== matMul?.outputs[0]) ?? '');
  const isLinearSoftmax =
    nodes.length === 3 &&
    inputs.length === 1 &&
    tensors.size === 2 &&
    matMul?.op === 'MatMul' &&
    matMul.inputs.length === 2 &&
    matMul.inputs[0] === x &&
    add?.op === 'Add' &&
    add.inputs.length === 2 &&
    add.inputs.includes(matMul.outputs[0]!) &&
    softmax?.op === 'Softmax' &&
    softmax.inputs[0] === add.outputs[0] &&
    softmax.attrs.size <= 1 &&
    (axis === 1 || axis === -1) &&
    outputs.length === 1 &&
    outputs[0] === softmax.outputs[0];
  if (!isLinearSoftmax || !w || !b) throw new Error('the model is not a linear softmax classifier');
  const [dims, classes] = w.dims;
  if (w.dims.length !== 2 || !dims || !classes || w.values.length !== dims * classes || b.dims.join() !== String(classes) || b.values.length !== classes) {
    throw new Error("the model's weights do not have the shapes [dims, labels] and [labels]");
  }
  return { dims, classes, weights: w.values, bias: b.values };
}
