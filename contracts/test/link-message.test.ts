import { describe, expect, it } from 'vitest';
import { verifyMessage } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { buildLinkMessage, isLinkMessageFresh, LINK_MESSAGE_TTL_MS, parseLinkMessage, type LinkMessageFields } from '../link-message';

// Fixed test key (anvil dev account #2), not a secret.
const wallet = privateKeyToAccount('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a');
const fields: LinkMessageFields = {
  origin: 'https://collector.tributary.example',
  wallet: wallet.address,
  chainId: 8453,
  devicePub: 'ab'.repeat(32),
  nonce: 'n0nce12345',
  issuedAt: new Date('2026-11-25T15:00:00.000Z'),
};

describe('wallet link message', () => {
  it('is an EIP-4361 message naming origin, wallet, chain, device and nonce', () => {
    expect(buildLinkMessage(fields)).toBe(
      [
        'https://collector.tributary.example wants you to sign in with your Ethereum account:',
        wallet.address,
        '',
        `Link this wallet to Tributary device ${'ab'.repeat(32)} so that device's rewards can be claimed by this wallet.`,
        '',
        'URI: https://collector.tributary.example',
        'Version: 1',
        'Chain ID: 8453',
        'Nonce: n0nce12345',
        'Issued At: 2026-11-25T15:00:00.000Z',
        'Expiration Time: 2026-11-25T15:10:00.000Z',
      ].join('\n'),
    );
  });

  it('parses back to the same fields, including a local http origin with a port', () => {
    expect(parseLinkMessage(buildLinkMessage(fields))).toEqual(fields);
    const local = { ...fields, origin: 'http://127.0.0.1:8787' };
    expect(parseLinkMessage(buildLinkMessage(local))).toEqual(local);
  });

  it('normalises the device key to lowercase so both sides build the same text', () => {
    const upper = { ...fields, devicePub: 'AB'.repeat(32) };
    expect(buildLinkMessage(upper)).toBe(buildLinkMessage(fields));
  });

  it('rejects text that differs from what buildLinkMessage produces', () => {
    const message = buildLinkMessage(fields);
    // A different but canonical message parses: comparing fields to expectations is the caller's job.
    expect(parseLinkMessage(message.replace('Chain ID: 8453', 'Chain ID: 1'))?.chainId).toBe(1);
    expect(parseLinkMessage(`${message}\nResources:\n- https://evil.example`)).toBeNull();
    expect(parseLinkMessage(message.replace('Link this wallet', 'Link this purse'))).toBeNull();
    expect(parseLinkMessage(message.replace('Expiration Time: 2026-11-25T15:10:00.000Z', 'Expiration Time: 2030-01-01T00:00:00.000Z'))).toBeNull();
    expect(parseLinkMessage('hello')).toBeNull();
  });

  it('refuses malformed inputs instead of building an ambiguous message', () => {
    expect(() => buildLinkMessage({ ...fields, nonce: 'short' })).toThrow();
    expect(() => buildLinkMessage({ ...fields, devicePub: 'abc' })).toThrow();
    expect(() => buildLinkMessage({ ...fields, origin: 'https://collector.tributary.example/claim' })).toThrow();
  });

  it('verifies against the wallet signature of exactly this text', async () => {
    const message = buildLinkMessage(fields);
    const signature = await wallet.signMessage({ message });
    expect(await verifyMessage({ address: wallet.address, message, signature })).toBe(true);
    expect(await verifyMessage({ address: wallet.address, message: `${message} `, signature })).toBe(false);
  });

  it('is fresh only within its lifetime', () => {
    const t = fields.issuedAt.getTime();
    expect(isLinkMessageFresh(fields, new Date(t + 1_000))).toBe(true);
    expect(isLinkMessageFresh(fields, new Date(t + LINK_MESSAGE_TTL_MS))).toBe(false);
    expect(isLinkMessageFresh(fields, new Date(t - 5 * 60_000))).toBe(false);
  });
});
