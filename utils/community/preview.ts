// What the options page shows before the user joins a community: its signed descriptor, checked,
// and the rules its collector applies now. Only GETs, without credentials, to the address the user
// typed; nothing about the device is sent.
import { z } from 'zod';
import {
  communityDescriptorRoute,
  communityDescriptorSchema,
  descriptorUrlOf,
  verifyCommunityDescriptor,
  type CommunityDescriptor,
  type DescriptorRefusal,
} from '../collector-api/community-descriptor';
import type { PolicyInForce } from '../collector-api/community';
import { collectorClient } from '../collector-client/client';
import { callRoute } from '../collector-client/request';

export interface CommunityPreview {
  descriptor: CommunityDescriptor;
  policy: PolicyInForce;
}

export type PreviewRefusal = 'not_a_url' | 'unreachable' | 'no_policy' | DescriptorRefusal;

export async function previewCommunity(
  pasted: string,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): Promise<{ ok: true; preview: CommunityPreview } | { ok: false; reason: PreviewRefusal }> {
  const descriptorUrl = descriptorUrlOf(pasted);
  if (!descriptorUrl) return { ok: false, reason: 'not_a_url' };
  let fetched: CommunityDescriptor;
  try {
    fetched = await callRoute({ baseUrl: new URL(descriptorUrl).origin, fetch: fetchImpl }, communityDescriptorRoute, {});
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  const verdict = verifyCommunityDescriptor(z.encode(communityDescriptorSchema, fetched), descriptorUrl);
  if (!verdict.ok) return verdict;
  try {
    const policy = await collectorClient(verdict.descriptor.url, fetchImpl).policy();
    return { ok: true, preview: { descriptor: verdict.descriptor, policy } };
  } catch {
    return { ok: false, reason: 'no_policy' };
  }
}
