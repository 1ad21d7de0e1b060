// What the store writes and reads through encryption at rest: a signal's content (title, text,
// entities, embedding) and a bundle's envelope blob, each sealed under its bundle's key. Every
// write and read of content goes through here, so the storage layout underneath can change
// without touching the cipher or the keys.
import { base64ToBytes, type Signal } from '../../../utils/wire/index';
import { open, seal } from './aead';
import type { Keyring } from './keyring';

export interface SignalContent {
  title: string;
  text: string;
  entities: Signal['entities'];
  /** As the device sent it: vector-codec bytes (utils/wire/vector-codec.ts). */
  embedding: Uint8Array;
}

const signalAad = (signalId: string) => `tributary/at-rest/signal/v1\n${signalId}`;
const envelopeAad = (bundleId: string) => `tributary/at-rest/envelope/v1\n${bundleId}`;

/** u32 length of the JSON part ‖ JSON {title, text, entities} ‖ the embedding's vector-codec bytes. */
function encode(s: Signal): Buffer {
  const json = Buffer.from(JSON.stringify({ title: s.title, text: s.text, entities: s.entities }), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(json.length);
  return Buffer.concat([head, json, base64ToBytes(s.embedding)]);
}

function decode(bytes: Buffer): SignalContent {
  const length = bytes.readUInt32BE(0);
  const { title, text, entities } = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as Omit<SignalContent, 'embedding'>;
  return { title, text, entities, embedding: new Uint8Array(bytes.subarray(4 + length)) };
}

export function sealSignal(bundleKey: Uint8Array, s: Signal): Buffer {
  return seal(bundleKey, encode(s), signalAad(s.id));
}

export function openSignalWith(bundleKey: Uint8Array, signalId: string, sealed: Uint8Array): SignalContent | null {
  const bytes = open(bundleKey, sealed, signalAad(signalId));
  return bytes && decode(bytes);
}

/** Same content under another key: a partial deletion moves a bundle's remaining signals to a fresh key. */
export function resealSignal(from: Uint8Array, to: Uint8Array, signalId: string, sealed: Uint8Array): Buffer | null {
  const bytes = open(from, sealed, signalAad(signalId));
  return bytes && seal(to, bytes, signalAad(signalId));
}

export interface StoredSignalRef {
  device_pub: string;
  bundle_id: string;
  id: string;
  sealed: Uint8Array;
}

/** The signal's content, or null when its bundle's key was destroyed (a deleted bundle, or a copy of one). */
export async function openStoredSignal(keyring: Keyring, row: StoredSignalRef): Promise<SignalContent | null> {
  const key = await keyring.bundleKey(row.device_pub, row.bundle_id);
  return key && openSignalWith(key, row.id, row.sealed);
}

export function sealEnvelope(bundleKey: Uint8Array, bundleId: string, envelopeBytes: Uint8Array): Buffer {
  return seal(bundleKey, envelopeBytes, envelopeAad(bundleId));
}

/** The envelope's bytes (whose CID names the blob), or null when the bundle's key was destroyed. */
export async function openStoredEnvelope(keyring: Keyring, devicePub: string, bundleId: string, sealed: Uint8Array): Promise<Uint8Array | null> {
  const key = await keyring.bundleKey(devicePub, bundleId);
  return key && open(key, sealed, envelopeAad(bundleId));
}
