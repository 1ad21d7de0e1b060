import { browser } from 'wxt/browser';
import { z } from 'zod';
import { communityDescriptorSchema, verifyCommunityDescriptor, type CommunityDescriptor } from '../collector-api/community-descriptor';
import { forgetJoinedCommunity, readJoinedCommunity, storeJoinedCommunity, type JoinedCommunity } from '../community/joined-community';
import { readConsent } from '../consent/settings';
import { ensureDeviceKey } from '../identity/device-key';
import type { Db } from '../store/db';
import { readCollectorStatus, updateCollectorStatus } from './collector-status';
import type { ComputeWork } from './compute-work';
import type { Engine } from './engine';

export interface JoinDeps {
  db: () => Promise<Db>;
  engine: Pick<Engine, 'exclusive'>;
  compute: Pick<ComputeWork, 'kick' | 'stop'>;
  /** Whether the browser lets the extension reach these origins (chrome.permissions.contains). */
  mayReach?: (origins: string[]) => Promise<boolean>;
  /** The collector the extension was built for: the manifest requires its origin, which is never given back. */
  builtInCollectorUrl: string;
  /** Gives back host permissions (chrome.permissions.remove). */
  permissions?: { remove(permissions: { origins: string[] }): Promise<boolean> };
  now: number;
}

const mayReachHosts = (origins: string[]) => browser.permissions.contains({ origins });

/**
 * Makes the community of `descriptor` the one this device contributes to. The options page checked
 * the descriptor and asked for its collector's origin; both are checked again here, where the
 * switch happens. From now on the extension sends to that collector only: bundles sealed to the
 * encryption key the descriptor names, receipts and log roots checked with its receipt key, signed by
 * a device key of this community's own. What the previous community's database holds stays there.
 */
export async function joinCommunity(descriptor: CommunityDescriptor, deps: JoinDeps): Promise<void> {
  const verdict = verifyCommunityDescriptor(z.encode(communityDescriptorSchema, descriptor), descriptor.url);
  if (!verdict.ok) throw new Error(`the community descriptor does not verify (${verdict.reason})`);
  const joined = verdict.descriptor;
  if (!(await (deps.mayReach ?? mayReachHosts)([`${joined.url}/*`]))) throw new Error(`no permission to reach ${joined.url}`);
  await switchCommunity(deps, joined, async (previous) => {
    await storeJoinedCommunity(joined, deps.now);
    const pinned = (await readCollectorStatus()).collectorKeys;
    if (pinned && pinned.receipt.publicKey !== joined.keys.receipt.publicKey) {
      if (previous) await storeJoinedCommunity(previous.descriptor, previous.joinedAt);
      else await forgetJoinedCommunity();
      throw new Error('this community’s receipt key is not the one this device pinned when it joined before; refusing to trust it');
    }
    const { encryption, receipt } = joined.keys;
    await updateCollectorStatus((s) => ({ ...s, collectorKeys: pinned ?? { encryption: [{ ...encryption, current: true }], receipt } }));
    if ((await readConsent()).optedIn) await ensureDeviceKey(await deps.db(), deps.now);
  });
}

/** Back to the community the extension was built for, whose database and keys are as they were left. */
export async function rejoinBuiltInCommunity(deps: Omit<JoinDeps, 'mayReach'>): Promise<void> {
  await switchCommunity(deps, null, async () => {
    await forgetJoinedCommunity();
    if ((await readConsent()).optedIn) await ensureDeviceKey(await deps.db(), deps.now);
  });
}

/**
 * Between engine passes, with compute jobs stopped: nothing in flight is sent under one community's
 * key to another's collector. Once switched, the collector left behind may no longer be reached.
 */
async function switchCommunity(
  deps: Omit<JoinDeps, 'mayReach' | 'now'>,
  next: CommunityDescriptor | null,
  change: (previous: JoinedCommunity | null) => Promise<void>,
): Promise<void> {
  deps.compute.stop();
  let previous: JoinedCommunity | null;
  try {
    previous = await deps.engine.exclusive(async () => {
      const current = await readJoinedCommunity();
      await change(current);
      return current;
    });
  } finally {
    deps.compute.kick();
  }
  if (previous) await giveBackHostAccess(previous.descriptor.url, next, deps);
}

/**
 * Gives back the optional host permission the user granted for a community's collector when joining
 * it, unless the manifest requires that origin (the built-in collector's) or the community now joined
 * is served from it. What the left community's database holds stays; joining it again asks again.
 */
async function giveBackHostAccess(origin: string, next: CommunityDescriptor | null, deps: Pick<JoinDeps, 'builtInCollectorUrl' | 'permissions'>): Promise<void> {
  if (origin === new URL(deps.builtInCollectorUrl).origin || origin === next?.url) return;
  // The switch is done either way; the browser refuses to remove an origin that a required host
  // permission covers (test builds hold every site from install).
  await (deps.permissions ?? browser.permissions).remove({ origins: [`${origin}/*`] }).catch(() => false);
}
