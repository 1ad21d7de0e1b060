// The community this device contributes to: the built-in one (the collector the extension was built
// for) until the user joins another from its descriptor. Each community has its own database (device
// key, items, bundles, receipts, tokens), its own collector status (pinned keys) and its own
// dataset-inclusion results (about its bundles, in its collector's log), so two
// collectors never see one device identity and nothing collected for one is sent to another.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { communityDescriptorSchema, type CommunityDescriptor } from '../collector-api/community-descriptor';

const KEY = 'community';

const joinedSchema = z.object({
  /** As verified when the user joined (signature by its receipt key, fetched from its own origin). */
  descriptor: communityDescriptorSchema,
  joinedAt: z.number(),
});
export type JoinedCommunity = z.output<typeof joinedSchema>;

/** null: the built-in community. */
export async function readJoinedCommunity(): Promise<JoinedCommunity | null> {
  const parsed = joinedSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : null;
}

export async function storeJoinedCommunity(descriptor: CommunityDescriptor, now: number): Promise<void> {
  // Stored in its wire form: storage holds JSON.
  await browser.storage.local.set({ [KEY]: z.encode(joinedSchema, { descriptor, joinedAt: now }) });
}

export async function forgetJoinedCommunity(): Promise<void> {
  await browser.storage.local.remove(KEY);
}

/** Where this device's data for `community` lives: the built-in community keeps the original names. */
export function communityStoreNames(community: JoinedCommunity | null): { database: string; status: string; inclusion: string } {
  if (!community) return { database: 'tributary', status: 'status', inclusion: 'inclusion' };
  const origin = community.descriptor.url;
  return { database: `tributary@${origin}`, status: `status@${origin}`, inclusion: `inclusion@${origin}` };
}

/** The collector of the community this device contributes to now. */
export async function activeCollectorUrl(builtIn: string): Promise<string> {
  return (await readJoinedCommunity())?.descriptor.url ?? new URL(builtIn).origin;
}
