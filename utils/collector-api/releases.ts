// Dataset releases: the collector's index of the releases it cut (the releases themselves are served
// by the IPFS gateway routes, /ipfs/<cid>, and checked by whoever fetches them).
import { z } from 'zod';
import { inclusionProofSchema, signedRootSchema } from '../wire/merkle';
import { defineRoute } from './route';

const cid = z.string().regex(/^b[a-z2-7]{20,}$/);

export const releaseSummarySchema = z.strictObject({
  seq: z.number().int().min(1),
  manifestCid: cid,
  parentCid: cid.nullable(),
  /** The transparency-log epoch the release was cut from. */
  logEpoch: z.number().int().min(1),
  records: z.number().int().min(0),
  /** Records of the parent release this one no longer holds (deleted since). */
  recordsLeft: z.number().int().min(0),
  createdAt: z.number().int().min(0),
  /** The release that replaced this one; null for the current release. */
  supersededBy: cid.nullable(),
});
export type ReleaseSummary = z.infer<typeof releaseSummarySchema>;

export const releasesRoute = defineRoute({
  method: 'GET',
  url: '/v1/releases',
  schema: { summary: 'Every release cut, newest first, and which release superseded each', response: { 200: z.strictObject({ releases: z.array(releaseSummarySchema) }) } },
});

export const latestReleaseRoute = defineRoute({
  method: 'GET',
  url: '/v1/releases/latest',
  schema: { summary: 'The current release (404 before the first)', response: { 200: releaseSummarySchema } },
});

/** Where the manifest's CID sits in the transparency log: a signed root and the inclusion proof leading to it. */
export const releaseLogProofSchema = z.strictObject({ root: signedRootSchema, proof: inclusionProofSchema });
export type ReleaseLogProof = z.infer<typeof releaseLogProofSchema>;

export const releaseLogProofRoute = defineRoute({
  method: 'GET',
  url: '/v1/releases/:cid/log-proof',
  invalidRequest: 'invalid_cid',
  schema: {
    summary: "Proof that a release manifest's CID is in the transparency log: the newest signed root holding it and its inclusion proof (404 if not logged)",
    params: z.strictObject({ cid }),
    response: { 200: releaseLogProofSchema },
  },
});
