// The signed community descriptor at /.well-known/tributary-community.json.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyCommunityDescriptor } from '../../utils/collector-api/community-descriptor';
import { bytesToBase64 } from '../../utils/wire/index';
import { currentEncryptionKey } from '../src/key-material';
import { startHarness, type Harness } from './harness';

const PATH = '/.well-known/tributary-community.json';

describe('GET /.well-known/tributary-community.json', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('names the configured URL, name, description and keys, signed by the receipt key, readable from any origin', async () => {
    h = await startHarness({
      COLLECTOR_PUBLIC_URL: 'https://collector.commons.example/',
      COLLECTOR_COMMUNITY_NAME: 'Commons of Example',
      COLLECTOR_COMMUNITY_DESCRIPTION: 'Readers pooling what they read for an open model.',
    });
    const res = await h.app.inject({ method: 'GET', url: PATH, headers: { origin: 'chrome-extension://abcdefghijklmnop' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const enc = currentEncryptionKey(h.keys);
    const { sig, ...unsigned } = res.json();
    expect(unsigned).toEqual({
      v: 1,
      url: 'https://collector.commons.example',
      name: 'Commons of Example',
      description: 'Readers pooling what they read for an open model.',
      keys: {
        encryption: { keyId: enc.keyId, publicKey: bytesToBase64(enc.publicKey) },
        receipt: { keyId: h.keys.receipt.keyId, publicKey: h.keys.receipt.publicKey },
      },
      chain: null,
    });
    const verdict = verifyCommunityDescriptor(res.json(), 'https://collector.commons.example/anything');
    expect(verdict).toEqual({ ok: true, descriptor: { ...unsigned, sig } });
    // What a collector signs for its own URL is no good for another host.
    expect(verifyCommunityDescriptor(res.json(), 'https://elsewhere.example')).toEqual({ ok: false, reason: 'wrong_origin' });
  });

  it('names where it listens when no public URL is configured', async () => {
    h = await startHarness();
    const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const descriptor: unknown = await (await fetch(new URL(PATH, address))).json();
    expect(verifyCommunityDescriptor(descriptor, address)).toMatchObject({ ok: true, descriptor: { url: new URL(address).origin, chain: null } });
  });
});
