import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCollectorStatus, updateCollectorStatus } from '../../../utils/background/collector-status';
import { checkDatasetInclusion, readInclusion } from '../../../utils/background/dataset-proof';
import { listItems } from '../../../utils/background/extension-state';
import { joinCommunity, rejoinBuiltInCommunity, type JoinDeps } from '../../../utils/background/join-community';
import { signCommunityDescriptor, type CommunityDescriptor } from '../../../utils/collector-api/community-descriptor';
import { readJoinedCommunity } from '../../../utils/community/joined-community';
import { updateConsent } from '../../../utils/consent/settings';
import { ensureDeviceKey, loadDeviceKey } from '../../../utils/identity/device-key';
import { db } from '../../../utils/store/db';
import { collectorParties, fakeClient, type CollectorParties } from '../support/collector';
import { T0 } from '../support/db';

function descriptorOf(parties: CollectorParties, url = 'https://second.example'): CommunityDescriptor {
  const enc = parties.keys.encryption[0]!;
  return signCommunityDescriptor(
    {
      v: 1,
      url,
      name: 'Second commons',
      description: '',
      keys: { encryption: { keyId: enc.keyId, publicKey: enc.publicKey }, receipt: { keyId: parties.receipt.keyId, publicKey: parties.receipt.publicKey } },
      chain: null,
    },
    parties.receipt.secretKey,
  );
}

const BUILT_IN = 'https://built-in.example';

/** The browser's granted host permissions, as chrome.permissions.remove changes them. */
function fakePermissions(origins: string[]) {
  const granted = new Set(origins);
  return {
    granted,
    async remove({ origins: removed }: { origins: string[] }) {
      for (const origin of removed) granted.delete(origin);
      return true;
    },
  };
}

function deps(mayReach = true, permissions = fakePermissions([])) {
  return {
    db,
    engine: { exclusive: (change) => change() },
    compute: { kick: vi.fn<() => void>(), stop: vi.fn<() => void>() },
    mayReach: async () => mayReach,
    builtInCollectorUrl: `${BUILT_IN}/`,
    permissions,
    now: T0,
  } satisfies JoinDeps;
}

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

describe('joining a community', () => {
  it('switches to its own database, device key and pinned keys; the built-in community’s stay as they were', async () => {
    await updateConsent((c) => ({ ...c, optedIn: true }));
    const builtInDb = await db();
    const builtInKey = await ensureDeviceKey(builtInDb);
    await updateCollectorStatus((s) => ({ ...s, droppedNotice: 3 }));
    const parties = collectorParties();
    const descriptor = descriptorOf(parties);

    const d = deps();
    await joinCommunity(descriptor, d);

    expect((await readJoinedCommunity())?.descriptor).toEqual(descriptor);
    const joinedDb = await db();
    expect(joinedDb.name).not.toBe(builtInDb.name);
    const joinedKey = await loadDeviceKey(joinedDb);
    expect(joinedKey?.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(joinedKey?.publicKey).not.toBe(builtInKey.publicKey);
    const status = await readCollectorStatus();
    expect(status.collectorKeys).toEqual({ encryption: [{ ...descriptor.keys.encryption, current: true }], receipt: descriptor.keys.receipt });
    expect(status.droppedNotice).toBe(0);
    expect(d.compute.stop).toHaveBeenCalled();
    expect(d.compute.kick).toHaveBeenCalled();

    await rejoinBuiltInCommunity(deps());
    expect(await readJoinedCommunity()).toBeNull();
    expect((await db()).name).toBe(builtInDb.name);
    expect((await loadDeviceKey(await db()))?.publicKey).toBe(builtInKey.publicKey);
    expect((await readCollectorStatus()).droppedNotice).toBe(3);
  });

  it('keeps the dataset-inclusion results with the community whose bundles they are about', async () => {
    const builtInDb = await db();
    await builtInDb.put('bundles', { bundleId: 'b1', envelope: {} as never, itemIds: [], status: 'accepted', createdAt: T0, attempts: 1, nextAttemptAt: T0 });
    const builtInCollector = fakeClient({ transparencyRoot: vi.fn(async () => null) });
    await checkDatasetInclusion(builtInDb, builtInCollector, collectorParties().receipt.publicKey, T0);
    const builtInResults = { b1: { state: 'not-yet-logged', epoch: null, checkedAt: T0 } };
    expect(await readInclusion()).toEqual(builtInResults);

    await joinCommunity(descriptorOf(collectorParties()), deps());
    expect(await readInclusion()).toEqual({});
    expect((await listItems(await db())).inclusion).toEqual({});

    await rejoinBuiltInCommunity(deps());
    expect(await readInclusion()).toEqual(builtInResults);
  });

  it('makes no device key for a device that has not opted in', async () => {
    await joinCommunity(descriptorOf(collectorParties()), deps());
    expect(await loadDeviceKey(await db())).toBeNull();
  });

  it('refuses without the permission to reach the collector, changing nothing', async () => {
    await expect(joinCommunity(descriptorOf(collectorParties()), deps(false))).rejects.toThrow(/no permission/);
    expect(await readJoinedCommunity()).toBeNull();
  });

  it('refuses a descriptor altered after signing', async () => {
    const descriptor = { ...descriptorOf(collectorParties()), name: 'Someone else' };
    await expect(joinCommunity(descriptor, deps())).rejects.toThrow(/bad_signature/);
    expect(await readJoinedCommunity()).toBeNull();
  });

  it('refuses to rejoin a community whose receipt key is not the one pinned before, keeping the current community', async () => {
    const first = descriptorOf(collectorParties(), 'https://first.example');
    await joinCommunity(first, deps());
    await joinCommunity(descriptorOf(collectorParties()), deps());
    const impostor = descriptorOf(collectorParties());
    await expect(joinCommunity(impostor, deps())).rejects.toThrow(/receipt key/);
    expect((await readJoinedCommunity())?.descriptor).toEqual(expect.objectContaining({ url: 'https://second.example' }));
  });

  it('gives back the host permission of the collector it leaves, never the built-in collector’s', async () => {
    const permissions = fakePermissions([`${BUILT_IN}/*`, 'https://first.example/*', 'https://second.example/*']);
    await joinCommunity(descriptorOf(collectorParties(), 'https://first.example'), deps(true, permissions));
    expect([...permissions.granted]).toEqual([`${BUILT_IN}/*`, 'https://first.example/*', 'https://second.example/*']);

    await joinCommunity(descriptorOf(collectorParties(), 'https://second.example'), deps(true, permissions));
    expect([...permissions.granted]).toEqual([`${BUILT_IN}/*`, 'https://second.example/*']);

    await rejoinBuiltInCommunity(deps(true, permissions));
    expect([...permissions.granted]).toEqual([`${BUILT_IN}/*`]);
  });

  it('keeps the permission when the switch is refused, when the same community is joined again, and for a community served from the built-in origin', async () => {
    const permissions = fakePermissions([`${BUILT_IN}/*`, 'https://second.example/*']);
    const second = descriptorOf(collectorParties(), 'https://second.example');
    await joinCommunity(second, deps(true, permissions));
    await expect(joinCommunity(descriptorOf(collectorParties(), 'https://second.example'), deps(true, permissions))).rejects.toThrow(/receipt key/);
    await joinCommunity(second, deps(true, permissions));
    expect([...permissions.granted]).toEqual([`${BUILT_IN}/*`, 'https://second.example/*']);

    await joinCommunity(descriptorOf(collectorParties(), BUILT_IN), deps(true, permissions));
    await rejoinBuiltInCommunity(deps(true, permissions));
    expect([...permissions.granted]).toEqual([`${BUILT_IN}/*`]);
  });

  it('completes the switch when the browser refuses to give the permission back', async () => {
    const refusing = { remove: vi.fn(async () => Promise.reject(new Error('You cannot remove required permissions.'))) };
    await joinCommunity(descriptorOf(collectorParties(), 'https://first.example'), deps());
    await joinCommunity(descriptorOf(collectorParties(), 'https://second.example'), { ...deps(), permissions: refusing });
    expect(refusing.remove).toHaveBeenCalledWith({ origins: ['https://first.example/*'] });
    expect((await readJoinedCommunity())?.descriptor.url).toBe('https://second.example');
  });
});
